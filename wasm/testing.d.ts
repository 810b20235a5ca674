/** Helpers for test suites (node only): `import { ... } from 'dynamodb-playground/testing'`. */
import type { CreateDynamoDBOptions, DynamoDB } from './index.js';

/** A CreateTable input, with optional DynamoDB JSON items to write after it is created. */
export type TableConfig = Record<string, any> & { TableName: string; Items?: Record<string, any>[] };
/** An array of tables, `{ tables: [...] }`, or the path of a .json or JS file holding one. */
export type TablesConfig = TableConfig[] | { tables: TableConfig[] } | string;

export declare function loadTablesConfig(source: TablesConfig): Promise<TableConfig[]>;
export declare function createTables(db: DynamoDB, config: TablesConfig): Promise<void>;

export interface UseDynamoDBOptions extends CreateDynamoDBOptions {
  /** The tables every test starts with. */
  tables?: TablesConfig;
  /** Default true: empty the playground and create the tables again before each test. */
  clearBetweenTests?: boolean;
}
export interface RunnerHooks {
  beforeAll(fn: () => Promise<void>): void;
  beforeEach(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}
/** One playground for the suite; `db` is set before the first test runs. */
export declare function useDynamoDB(options?: UseDynamoDBOptions, hooks?: RunnerHooks): { db: DynamoDB };
