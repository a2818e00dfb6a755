// Limits on the shape of a GraphQL query, checked before anything runs: a request with hundreds
// of aliases or a deep nest costs seconds while staying under Payload's complexity limit, and
// introspection in production is for platform admins only.
import {
  type ASTVisitor,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

import { type Actor, isPlatformAdmin } from '../domain/permissions'

export const GRAPHQL_LIMITS = { aliases: 30, depth: 10 } as const

/** The deepest field nesting of a selection, following fragments (each at most once per path). */
function depthOf(
  set: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  seen: Set<string>,
): number {
  if (!set) return 0
  let deepest = 0
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragment, seen))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragment, seen))
    } else {
      const name = selection.name.value
      const def = fragment(name)
      if (!def || seen.has(name)) continue
      seen.add(name)
      deepest = Math.max(deepest, depthOf(def.selectionSet, fragment, seen))
      seen.delete(name)
    }
  }
  return deepest
}

/** At most `aliases` aliased fields in a document and `depth` levels in an operation. */
export const queryShapeRule =
  (limits: { aliases: number; depth: number } = GRAPHQL_LIMITS): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    let aliases = 0
    return {
      Field(node) {
        if (node.alias && ++aliases === limits.aliases + 1)
          context.reportError(
            new GraphQLError(`查询中的别名超过 ${limits.aliases} 个，请拆分为多个请求`, {
              nodes: [node],
            }),
          )
      },
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, (n) => context.getFragment(n), new Set())
        if (depth > limits.depth)
          context.reportError(
            new GraphQLError(`查询嵌套 ${depth} 层，超过了 ${limits.depth} 层的上限`, {
              nodes: [node],
            }),
          )
      },
    }
  }

/** Introspection (`__schema`, `__type`) refused unless the person is a platform admin. */
export const introspectionRule =
  (actor: Actor | null): ValidationRule =>
  (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      const name = node.name.value
      if ((name === '__schema' || name === '__type') && !isPlatformAdmin(actor))
        context.reportError(
          new GraphQLError('生产环境仅平台管理员可查询接口结构（introspection）', {
            nodes: [node],
          }),
        )
    },
  })

/** The rules for Payload's `graphQL.validationRules`, with the person from the request. */
export function graphqlValidationRules({
  production,
}: {
  production: boolean
}): (args: ExecutionArgs) => ValidationRule[] {
  return (args) => {
    const ctx = args.contextValue as { req?: { user?: unknown } } | undefined
    const actor = (ctx?.req?.user ?? null) as Actor | null
    return production ? [queryShapeRule(), introspectionRule(actor)] : [queryShapeRule()]
  }
}
