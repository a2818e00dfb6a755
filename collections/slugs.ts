export * from '../src/domain/slugs'
