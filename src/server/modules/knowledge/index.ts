// What other modules may use of knowledge (decision 032: a module imports another only through its index.ts).
export { registerKnowledgeRoutes } from './routes';
export { searchKnowledge } from './search-knowledge';
