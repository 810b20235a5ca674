// What the page knows of a request's table from DescribeTable (the `tables` of hintFor's
// context): enough to name the type a key attribute must have. When the page has not described
// the table, the lookups find nothing and the hint says less rather than guessing.

import { arrayOf } from './hint_shapes.js';

// DescribeTable's `Table` for `tableName`, or null.
export function describedTable(context, tableName) {
  if (!Array.isArray(context.tables) || typeof tableName !== 'string') return null;
  return context.tables.find((table) => table?.TableName === tableName) ?? null;
}

// The request's TableName, or undefined when it has none (a batch or transaction names several).
export function tableNameOf(request) {
  return typeof request.TableName === 'string' ? request.TableName : undefined;
}

// The type AttributeDefinitions declares for `name` ("S", "N" or "B"), or null.
export function attributeType(table, name) {
  const definition = arrayOf(table.AttributeDefinitions).find((d) => d?.AttributeName === name);
  return definition?.AttributeType ?? null;
}
