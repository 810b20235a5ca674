// Where a request holds attribute values: the items, keys and expression values of every kind of
// request (single-item, batch, transaction, and the legacy parameters), with a path to name them
// by in a hint. Both the plain-JSON hint and the key hints walk the request through this one list.

import { arrayOf, isPlainObject, objectOf } from './hint_shapes.js';

/**
 * Every map of attribute values in the request, as `{ path, member, tableName, map }` (`member`
 * is "Item", "Key", "ExclusiveStartKey" or "ExpressionAttributeValues"; a batch's keys count as
 * "Key"), and every list of them (the legacy AttributeValueList) as `{ path, member, list }`.
 */
export function attributeMaps(operation, request) {
  const places = [];
  const addRequest = (body, path, tableName = body?.TableName) => {
    if (!isPlainObject(body)) return;
    const at = (member) => (path ? `${path}.${member}` : member);
    for (const member of ['Item', 'Key', 'ExclusiveStartKey', 'ExpressionAttributeValues']) {
      if (body[member] !== undefined) places.push({ path: at(member), member, tableName, map: body[member] });
    }
    // The legacy parameters name a value (Value) or several (AttributeValueList) per attribute.
    for (const legacy of ['Expected', 'AttributeUpdates', 'KeyConditions', 'QueryFilter', 'ScanFilter']) {
      for (const [name, condition] of Object.entries(objectOf(body[legacy]))) {
        const where = at(`${legacy}.${name}`);
        if (condition?.Value !== undefined) {
          places.push({ path: where, member: legacy, tableName, map: { Value: condition.Value } });
        }
        if (condition?.AttributeValueList !== undefined) {
          places.push({ path: `${where}.AttributeValueList`, member: legacy, list: condition.AttributeValueList });
        }
      }
    }
  };
  const requestItems = Object.entries(objectOf(request.RequestItems));
  switch (operation) {
    case 'BatchGetItem':
      for (const [table, reads] of requestItems) {
        arrayOf(reads?.Keys).forEach((key, i) => {
          places.push({ path: `RequestItems.${table}.Keys[${i}]`, member: 'Key', tableName: table, map: key });
        });
      }
      break;
    case 'BatchWriteItem':
      for (const [table, writes] of requestItems) {
        arrayOf(writes).forEach((write, i) => {
          addRequest(write?.PutRequest, `RequestItems.${table}[${i}].PutRequest`, table);
          addRequest(write?.DeleteRequest, `RequestItems.${table}[${i}].DeleteRequest`, table);
        });
      }
      break;
    case 'TransactGetItems':
    case 'TransactWriteItems':
      arrayOf(request.TransactItems).forEach((entry, i) => {
        for (const [action, body] of Object.entries(objectOf(entry))) addRequest(body, `TransactItems[${i}].${action}`);
      });
      break;
    default:
      addRequest(request, '');
  }
  return places;
}
