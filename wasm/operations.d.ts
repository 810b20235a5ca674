/**
 * The input and output of every operation `send()` takes, in DynamoDB's JSON wire form: what the
 * engine reads and answers (docs/api-coverage.md). These are the shapes of the AWS API Reference
 * as JSON: binaries are base64 strings and times are seconds since the epoch, where the AWS SDK's
 * classes have Uint8Array and Date.
 */

/** One attribute value, e.g. `{ S: 'text' }`, `{ N: '42' }`, `{ M: { ... } }`. */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: Record<string, AttributeValue> }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };
export type Item = Record<string, AttributeValue>;
export type Key = Record<string, AttributeValue>;

type ReturnConsumedCapacity = 'INDEXES' | 'TOTAL' | 'NONE';
type ReturnItemCollectionMetrics = 'SIZE' | 'NONE';
type Select = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';

export interface Capacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}
export interface ConsumedCapacity extends Capacity {
  TableName?: string;
  Table?: Capacity;
  LocalSecondaryIndexes?: Record<string, Capacity>;
  GlobalSecondaryIndexes?: Record<string, Capacity>;
}
export interface ItemCollectionMetrics {
  ItemCollectionKey?: Key;
  SizeEstimateRangeGB?: number[];
}

/** Members every expression-using request may carry. */
interface ExpressionMembers {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}
/** The legacy condition parameters (Expected, ScanFilter, ...), as the service still takes them. */
type LegacyCondition = { ComparisonOperator: string; AttributeValueList?: AttributeValue[] } | { Exists?: boolean; Value?: AttributeValue; ComparisonOperator?: string; AttributeValueList?: AttributeValue[] };

// --- tables ------------------------------------------------------------------------------------

export interface KeySchemaElement {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}
export interface AttributeDefinition {
  AttributeName: string;
  AttributeType: 'S' | 'N' | 'B';
}
export interface Projection {
  ProjectionType?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  NonKeyAttributes?: string[];
}
export interface ProvisionedThroughput {
  ReadCapacityUnits: number;
  WriteCapacityUnits: number;
}
export interface StreamSpecification {
  StreamEnabled: boolean;
  StreamViewType?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
}
export interface GlobalSecondaryIndex {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection: Projection;
  ProvisionedThroughput?: ProvisionedThroughput;
}
export interface LocalSecondaryIndex {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection: Projection;
}
export interface ProvisionedThroughputDescription {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  NumberOfDecreasesToday?: number;
  LastIncreaseDateTime?: number;
  LastDecreaseDateTime?: number;
}
export interface IndexDescription {
  IndexName?: string;
  IndexArn?: string;
  KeySchema?: KeySchemaElement[];
  Projection?: Projection;
  IndexStatus?: 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';
  Backfilling?: boolean;
  ProvisionedThroughput?: ProvisionedThroughputDescription;
  IndexSizeBytes?: number;
  ItemCount?: number;
}
export interface TableDescription {
  TableName?: string;
  TableArn?: string;
  TableId?: string;
  TableStatus?: 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';
  CreationDateTime?: number;
  KeySchema?: KeySchemaElement[];
  AttributeDefinitions?: AttributeDefinition[];
  BillingModeSummary?: { BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST'; LastUpdateToPayPerRequestDateTime?: number };
  ProvisionedThroughput?: ProvisionedThroughputDescription;
  TableSizeBytes?: number;
  ItemCount?: number;
  GlobalSecondaryIndexes?: IndexDescription[];
  LocalSecondaryIndexes?: IndexDescription[];
  StreamSpecification?: StreamSpecification;
  LatestStreamArn?: string;
  LatestStreamLabel?: string;
  DeletionProtectionEnabled?: boolean;
  /** A table made by RestoreTableFromBackup or RestoreTableToPointInTime. */
  RestoreSummary?: { SourceBackupArn?: string; SourceTableArn?: string; RestoreDateTime: number; RestoreInProgress: boolean };
  [member: string]: unknown;
}

export interface CreateTableInput {
  TableName: string;
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: AttributeDefinition[];
  BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  ProvisionedThroughput?: ProvisionedThroughput;
  GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
  LocalSecondaryIndexes?: LocalSecondaryIndex[];
  StreamSpecification?: StreamSpecification;
  /** At most 50; the table keeps them (ListTagsOfResource), DescribeTable does not show them. */
  Tags?: Tag[];
  /**
   * A resource-based policy document (IAM policy JSON, at most 20480 bytes), checked as
   * PutResourcePolicy checks it; GetResourcePolicy answers it. Stored, never evaluated.
   */
  ResourcePolicy?: string;
  [member: string]: unknown;
}
/** PutResourcePolicy's input: a table's or a stream's ARN and the policy document. */
export interface PutResourcePolicyInput {
  ResourceArn: string;
  /** IAM policy JSON, at most 20480 bytes with whitespace; stored minified in IAM's key order. */
  Policy: string;
  /** Only if this revision is attached ("NO_POLICY": only if none is); else PolicyNotFoundException. */
  ExpectedRevisionId?: string;
  /** Accepted; the playground evaluates no policy, so nobody can lose access. */
  ConfirmRemoveSelfResourceAccess?: boolean;
}
export interface UpdateTableInput {
  TableName: string;
  AttributeDefinitions?: AttributeDefinition[];
  BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  ProvisionedThroughput?: ProvisionedThroughput;
  GlobalSecondaryIndexUpdates?: {
    Create?: GlobalSecondaryIndex;
    Update?: { IndexName: string; ProvisionedThroughput: ProvisionedThroughput };
    Delete?: { IndexName: string };
  }[];
  StreamSpecification?: StreamSpecification;
  /** Global tables: add (Create) or remove (Delete) the replica in one region per request. */
  ReplicaUpdates?: { Create?: { RegionName: string }; Delete?: { RegionName: string } }[];
  [member: string]: unknown;
}

// --- items -------------------------------------------------------------------------------------

type ReturnValues = 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
type ReturnValuesOnConditionCheckFailure = 'ALL_OLD' | 'NONE';

export interface PutItemInput extends ExpressionMembers {
  TableName: string;
  Item: Item;
  ConditionExpression?: string;
  ReturnValues?: 'NONE' | 'ALL_OLD';
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  Expected?: Record<string, LegacyCondition>;
  ConditionalOperator?: 'AND' | 'OR';
}
export interface WriteOutput {
  Attributes?: Item;
  ConsumedCapacity?: ConsumedCapacity;
  ItemCollectionMetrics?: ItemCollectionMetrics;
}
export interface GetItemInput {
  TableName: string;
  Key: Key;
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  AttributesToGet?: string[];
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface GetItemOutput {
  Item?: Item;
  ConsumedCapacity?: ConsumedCapacity;
}
export interface UpdateItemInput extends ExpressionMembers {
  TableName: string;
  Key: Key;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ReturnValues?: ReturnValues;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  AttributeUpdates?: Record<string, { Action?: 'PUT' | 'ADD' | 'DELETE'; Value?: AttributeValue }>;
  Expected?: Record<string, LegacyCondition>;
  ConditionalOperator?: 'AND' | 'OR';
}
export interface DeleteItemInput extends ExpressionMembers {
  TableName: string;
  Key: Key;
  ConditionExpression?: string;
  ReturnValues?: 'NONE' | 'ALL_OLD';
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  Expected?: Record<string, LegacyCondition>;
  ConditionalOperator?: 'AND' | 'OR';
}

// --- queries and scans --------------------------------------------------------------------------

interface ReadManyInput extends ExpressionMembers {
  TableName: string;
  IndexName?: string;
  Select?: Select;
  Limit?: number;
  ConsistentRead?: boolean;
  ExclusiveStartKey?: Key;
  ProjectionExpression?: string;
  FilterExpression?: string;
  AttributesToGet?: string[];
  ConditionalOperator?: 'AND' | 'OR';
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface QueryInput extends ReadManyInput {
  KeyConditionExpression?: string;
  ScanIndexForward?: boolean;
  KeyConditions?: Record<string, LegacyCondition>;
  QueryFilter?: Record<string, LegacyCondition>;
}
export interface ScanInput extends ReadManyInput {
  Segment?: number;
  TotalSegments?: number;
  ScanFilter?: Record<string, LegacyCondition>;
}
export interface ReadManyOutput {
  Items?: Item[];
  Count?: number;
  ScannedCount?: number;
  LastEvaluatedKey?: Key;
  ConsumedCapacity?: ConsumedCapacity;
}

// --- batches and transactions ------------------------------------------------------------------

export interface KeysAndAttributes {
  Keys: Key[];
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  AttributesToGet?: string[];
}
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };
export interface BatchGetItemInput {
  RequestItems: Record<string, KeysAndAttributes>;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface BatchGetItemOutput {
  Responses?: Record<string, Item[]>;
  UnprocessedKeys?: Record<string, KeysAndAttributes>;
  ConsumedCapacity?: ConsumedCapacity[];
}
export interface BatchWriteItemInput {
  RequestItems: Record<string, WriteRequest[]>;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
}
export interface BatchWriteItemOutput {
  UnprocessedItems?: Record<string, WriteRequest[]>;
  ConsumedCapacity?: ConsumedCapacity[];
  ItemCollectionMetrics?: Record<string, ItemCollectionMetrics[]>;
}
interface TransactCondition extends ExpressionMembers {
  TableName: string;
  Key: Key;
  ConditionExpression: string;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
}
export type TransactWriteItem =
  | { ConditionCheck: TransactCondition }
  | { Put: ExpressionMembers & { TableName: string; Item: Item; ConditionExpression?: string; ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure } }
  | { Delete: ExpressionMembers & { TableName: string; Key: Key; ConditionExpression?: string; ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure } }
  | { Update: ExpressionMembers & { TableName: string; Key: Key; UpdateExpression: string; ConditionExpression?: string; ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure } };
export interface TransactWriteItemsInput {
  TransactItems: TransactWriteItem[];
  ClientRequestToken?: string;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
}
export interface TransactWriteItemsOutput {
  ConsumedCapacity?: ConsumedCapacity[];
  ItemCollectionMetrics?: Record<string, ItemCollectionMetrics[]>;
}
export interface TransactGetItemsInput {
  TransactItems: { Get: { TableName: string; Key: Key; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> } }[];
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface TransactGetItemsOutput {
  Responses?: { Item?: Item }[];
  ConsumedCapacity?: ConsumedCapacity[];
}

// --- TTL, tags and Contributor Insights ----------------------------------------------------------

export interface TimeToLiveSpecification {
  Enabled: boolean;
  AttributeName: string;
}
export interface TimeToLiveDescription {
  TimeToLiveStatus?: 'ENABLING' | 'DISABLING' | 'ENABLED' | 'DISABLED';
  AttributeName?: string;
}
/** A tag: key 1-128 and value 0-256 letters, numbers, spaces or `_ . : / = + - @`. */
export interface Tag {
  Key: string;
  Value: string;
}
export interface ContributorInsightsInput {
  TableName: string;
  IndexName?: string;
}

// --- DynamoDB Streams ----------------------------------------------------------------------------

export interface StreamSummary {
  StreamArn?: string;
  TableName?: string;
  StreamLabel?: string;
}
export interface Shard {
  ShardId?: string;
  ParentShardId?: string;
  SequenceNumberRange?: { StartingSequenceNumber?: string; EndingSequenceNumber?: string };
}
export interface StreamDescription extends StreamSummary {
  StreamStatus?: 'ENABLING' | 'ENABLED' | 'DISABLING' | 'DISABLED';
  StreamViewType?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
  CreationRequestDateTime?: number;
  KeySchema?: KeySchemaElement[];
  Shards?: Shard[];
  LastEvaluatedShardId?: string;
}
export interface StreamRecord {
  eventID?: string;
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion?: string;
  eventSource?: string;
  awsRegion?: string;
  dynamodb?: {
    ApproximateCreationDateTime?: number;
    Keys?: Key;
    NewImage?: Item;
    OldImage?: Item;
    SequenceNumber?: string;
    SizeBytes?: number;
    StreamViewType?: string;
  };
  userIdentity?: { Type?: string; PrincipalId?: string };
}

// --- the playground's own operations -------------------------------------------------------------

export interface ClockOutput {
  Mode: 'REAL' | 'VIRTUAL';
  Now: number;
}
/** One of the explainer's four mistakes found in a table's traffic (Playground.Advise). */
export interface AdvisorFinding {
  Mistake: 'HOT_PARTITION_KEY' | 'SCAN_INSTEAD_OF_QUERY' | 'LARGE_ITEMS' | 'PROVISIONED_SPIKE';
  TableName: string;
  /** The figures from the engine's metrics behind the finding; members depend on `Mistake`. */
  Evidence: { [member: string]: unknown };
  /** What happened, with the figures, in one or two sentences. */
  Message: string;
  /** The fix in one sentence. */
  Fix: string;
  /** The tutorial page, relative to the repository root, e.g. "docs/tutorial/01-hot-partitions.md". */
  Tutorial: string;
}
export interface PlaygroundSettings {
  Scale: number;
  ReplicationLagSeconds: number;
  SplitForHeat: boolean;
  Throttling: 'ON' | 'OFF';
  TtlDeletionDelaySeconds: number;
  IndexPropagationSeconds: number;
  Prices: Record<string, string | number>;
}

/** CreateBackup's answer; DescribeBackup's and DeleteBackup's BackupDescription.BackupDetails. */
export interface BackupDetails {
  BackupArn: string;
  BackupName: string;
  BackupSizeBytes?: number;
  BackupStatus: 'CREATING' | 'DELETED' | 'AVAILABLE';
  BackupType: 'USER' | 'SYSTEM' | 'AWS_BACKUP';
  BackupCreationDateTime: number;
  BackupExpiryDateTime?: number;
}
/** ExportTableToPointInTime's, DescribeExport's ExportDescription (docs/export-import.md). */
export interface ExportDescription {
  ExportArn: string;
  ExportStatus: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  StartTime: number;
  EndTime?: number;
  ExportManifest?: string;
  TableArn: string;
  TableId: string;
  ExportTime?: number;
  ClientToken: string;
  S3Bucket: string;
  S3BucketOwner?: string;
  S3Prefix?: string;
  S3SseAlgorithm: 'AES256' | 'KMS';
  S3SseKmsKeyId?: string;
  ExportFormat: 'DYNAMODB_JSON' | 'ION';
  BilledSizeBytes?: number;
  ItemCount?: number;
  ExportType?: 'FULL_EXPORT' | 'INCREMENTAL_EXPORT';
  IncrementalExportSpecification?: IncrementalExportSpecification;
}
export interface IncrementalExportSpecification {
  ExportFromTime?: number | Date;
  ExportToTime?: number | Date;
  ExportViewType?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
}
export interface S3BucketSource {
  S3Bucket: string;
  S3BucketOwner?: string;
  S3KeyPrefix?: string;
}
export interface ImportTableInput {
  ClientToken?: string;
  S3BucketSource: S3BucketSource;
  InputFormat: 'DYNAMODB_JSON' | 'ION' | 'CSV';
  InputFormatOptions?: { Csv?: { Delimiter?: string; HeaderList?: string[] } };
  InputCompressionType?: 'GZIP' | 'ZSTD' | 'NONE';
  TableCreationParameters: { TableName: string; [member: string]: unknown };
}
/** ImportTable's, DescribeImport's ImportTableDescription. */
export interface ImportTableDescription extends Omit<ImportTableInput, 'TableCreationParameters'> {
  ImportArn: string;
  ImportStatus: 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';
  TableArn: string;
  TableId: string;
  CloudWatchLogGroupArn: string;
  TableCreationParameters: ImportTableInput['TableCreationParameters'];
  StartTime: number;
  EndTime?: number;
  ProcessedSizeBytes?: number;
  ProcessedItemCount?: number;
  ImportedItemCount?: number;
  ErrorCount?: number;
  FailureCode?: string;
  FailureMessage?: string;
}
export interface BackupDescription {
  BackupDetails?: BackupDetails;
  SourceTableDetails?: { TableName: string; TableId: string; TableArn?: string; TableSizeBytes?: number; KeySchema: KeySchemaElement[]; TableCreationDateTime: number; ProvisionedThroughput: { ReadCapacityUnits: number; WriteCapacityUnits: number }; ItemCount?: number; BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST' };
  SourceTableFeatureDetails?: { [member: string]: unknown };
}
export interface BackupSummary {
  TableName?: string;
  TableId?: string;
  TableArn?: string;
  BackupArn?: string;
  BackupName?: string;
  BackupCreationDateTime?: number;
  BackupExpiryDateTime?: number;
  BackupStatus?: 'CREATING' | 'DELETED' | 'AVAILABLE';
  BackupType?: 'USER' | 'SYSTEM' | 'AWS_BACKUP';
  BackupSizeBytes?: number;
}
export interface ContinuousBackupsDescription {
  ContinuousBackupsStatus: 'ENABLED' | 'DISABLED';
  PointInTimeRecoveryDescription?: {
    PointInTimeRecoveryStatus?: 'ENABLED' | 'DISABLED';
    RecoveryPeriodInDays?: number;
    EarliestRestorableDateTime?: number;
    LatestRestorableDateTime?: number;
  };
}
/** What both restores may change of the restored table. */
export interface RestoreOverrides {
  BillingModeOverride?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  GlobalSecondaryIndexOverride?: CreateTableInput['GlobalSecondaryIndexes'];
  LocalSecondaryIndexOverride?: CreateTableInput['LocalSecondaryIndexes'];
  ProvisionedThroughputOverride?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  OnDemandThroughputOverride?: { MaxReadRequestUnits?: number; MaxWriteRequestUnits?: number };
  SSESpecificationOverride?: { [member: string]: unknown };
}

/** Each operation's input and output, by the name `send()` takes. */
/** One PartiQL statement with its `?` values, as BatchExecuteStatement and ExecuteTransaction list them. */
export interface ParameterizedStatement {
  /** SELECT, INSERT, UPDATE or DELETE in DynamoDB's PartiQL; 1 to 8,192 characters. */
  Statement: string;
  /** One AttributeValue per `?`, in the order they appear. */
  Parameters?: AttributeValue[];
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
}
export interface ExecuteStatementInput extends ParameterizedStatement {
  ConsistentRead?: boolean;
  /** Items to evaluate before the page ends (a SELECT run as Query or Scan). */
  Limit?: number;
  /** The previous page's NextToken. */
  NextToken?: string;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface ExecuteStatementOutput {
  /** The items read, or a write's RETURNING values; empty for a write without RETURNING. */
  Items?: Item[];
  NextToken?: string;
  LastEvaluatedKey?: Key;
  ConsumedCapacity?: ConsumedCapacity;
}
export interface BatchExecuteStatementInput {
  /** 1 to 25 statements, all reads (each naming a whole key) or all writes. */
  Statements: (ParameterizedStatement & { ConsistentRead?: boolean })[];
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface BatchExecuteStatementOutput {
  /** One per statement, in order: its table and item, or its Error. */
  Responses?: { TableName?: string; Item?: Item; Error?: { Code: string; Message?: string; Item?: Item } }[];
  ConsumedCapacity?: ConsumedCapacity[];
}
export interface ExecuteTransactionInput {
  /** 1 to 100 statements, all reads (each naming a whole key) or all writes. */
  TransactStatements: ParameterizedStatement[];
  ClientRequestToken?: string;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface ExecuteTransactionOutput {
  /** For reads: one per statement, in order. */
  Responses?: { Item?: Item }[];
  ConsumedCapacity?: ConsumedCapacity[];
}
export interface OperationShapes {
  CreateTable: [CreateTableInput, { TableDescription?: TableDescription }];
  DescribeTable: [{ TableName: string }, { Table?: TableDescription }];
  ListTables: [{ ExclusiveStartTableName?: string; Limit?: number }, { TableNames?: string[]; LastEvaluatedTableName?: string }];
  UpdateTable: [UpdateTableInput, { TableDescription?: TableDescription }];
  DeleteTable: [{ TableName: string }, { TableDescription?: TableDescription }];
  PutItem: [PutItemInput, WriteOutput];
  GetItem: [GetItemInput, GetItemOutput];
  UpdateItem: [UpdateItemInput, WriteOutput];
  DeleteItem: [DeleteItemInput, WriteOutput];
  Query: [QueryInput, ReadManyOutput];
  Scan: [ScanInput, ReadManyOutput];
  BatchGetItem: [BatchGetItemInput, BatchGetItemOutput];
  BatchWriteItem: [BatchWriteItemInput, BatchWriteItemOutput];
  TransactGetItems: [TransactGetItemsInput, TransactGetItemsOutput];
  TransactWriteItems: [TransactWriteItemsInput, TransactWriteItemsOutput];
  ExecuteStatement: [ExecuteStatementInput, ExecuteStatementOutput];
  BatchExecuteStatement: [BatchExecuteStatementInput, BatchExecuteStatementOutput];
  ExecuteTransaction: [ExecuteTransactionInput, ExecuteTransactionOutput];
  UpdateTimeToLive: [{ TableName: string; TimeToLiveSpecification: TimeToLiveSpecification }, { TimeToLiveSpecification?: TimeToLiveSpecification }];
  DescribeTimeToLive: [{ TableName: string }, { TimeToLiveDescription?: TimeToLiveDescription }];
  DescribeLimits: [Record<string, never>, { AccountMaxReadCapacityUnits: number; AccountMaxWriteCapacityUnits: number; TableMaxReadCapacityUnits: number; TableMaxWriteCapacityUnits: number }];
  DescribeEndpoints: [Record<string, never>, { Endpoints: { Address: string; CachePeriodInMinutes: number }[] }];
  TagResource: [{ ResourceArn: string; Tags: Tag[] }, Record<string, never>];
  UntagResource: [{ ResourceArn: string; TagKeys: string[] }, Record<string, never>];
  ListTagsOfResource: [{ ResourceArn: string; NextToken?: string }, { Tags?: Tag[]; NextToken?: string }];
  /** A RevisionId is epoch milliseconds of the change; a change within 15 s of the last is a ThrottlingException. */
  PutResourcePolicy: [PutResourcePolicyInput, { RevisionId?: string }];
  /** PolicyNotFoundException when none is attached. */
  GetResourcePolicy: [{ ResourceArn: string }, { Policy?: string; RevisionId?: string }];
  /** The RevisionId removed; none when no policy was attached (not an error). */
  DeleteResourcePolicy: [{ ResourceArn: string; ExpectedRevisionId?: string }, { RevisionId?: string }];
  CreateBackup: [{ TableName: string; BackupName: string }, { BackupDetails?: BackupDetails }];
  DescribeBackup: [{ BackupArn: string }, { BackupDescription?: BackupDescription }];
  ListBackups: [{ TableName?: string; Limit?: number; TimeRangeLowerBound?: number | Date; TimeRangeUpperBound?: number | Date; ExclusiveStartBackupArn?: string; BackupType?: 'USER' | 'SYSTEM' | 'AWS_BACKUP' | 'ALL' }, { BackupSummaries?: BackupSummary[]; LastEvaluatedBackupArn?: string }];
  DeleteBackup: [{ BackupArn: string }, { BackupDescription?: BackupDescription }];
  RestoreTableFromBackup: [{ TargetTableName: string; BackupArn: string } & RestoreOverrides, { TableDescription?: TableDescription }];
  UpdateContinuousBackups: [{ TableName: string; PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: boolean; RecoveryPeriodInDays?: number } }, { ContinuousBackupsDescription?: ContinuousBackupsDescription }];
  DescribeContinuousBackups: [{ TableName: string }, { ContinuousBackupsDescription?: ContinuousBackupsDescription }];
  RestoreTableToPointInTime: [{ SourceTableArn?: string; SourceTableName?: string; TargetTableName: string; UseLatestRestorableTime?: boolean; RestoreDateTime?: number | Date } & RestoreOverrides, { TableDescription?: TableDescription }];
  ExportTableToPointInTime: [{ TableArn: string; S3Bucket: string; ExportTime?: number | Date; ClientToken?: string; S3BucketOwner?: string; S3Prefix?: string; S3SseAlgorithm?: 'AES256' | 'KMS'; S3SseKmsKeyId?: string; ExportFormat?: 'DYNAMODB_JSON' | 'ION'; ExportType?: 'FULL_EXPORT' | 'INCREMENTAL_EXPORT'; IncrementalExportSpecification?: IncrementalExportSpecification }, { ExportDescription?: ExportDescription }];
  DescribeExport: [{ ExportArn: string }, { ExportDescription?: ExportDescription }];
  ListExports: [{ TableArn?: string; MaxResults?: number; NextToken?: string }, { ExportSummaries?: { ExportArn: string; ExportStatus: string; ExportType: string }[]; NextToken?: string }];
  ImportTable: [ImportTableInput, { ImportTableDescription: ImportTableDescription }];
  DescribeImport: [{ ImportArn: string }, { ImportTableDescription: ImportTableDescription }];
  ListImports: [{ TableArn?: string; PageSize?: number; NextToken?: string }, { ImportSummaryList?: { ImportArn: string; ImportStatus: string; TableArn: string; S3BucketSource: S3BucketSource; CloudWatchLogGroupArn: string; InputFormat: string; StartTime: number; EndTime?: number }[]; NextToken?: string }];
  UpdateContributorInsights: [ContributorInsightsInput & { ContributorInsightsAction: 'ENABLE' | 'DISABLE'; ContributorInsightsMode?: string }, ContributorInsightsInput & { ContributorInsightsStatus?: string }];
  DescribeContributorInsights: [ContributorInsightsInput, ContributorInsightsInput & { ContributorInsightsStatus?: string; ContributorInsightsRuleList?: string[]; LastUpdateDateTime?: number; [member: string]: unknown }];
  ListGlobalTables: [{ ExclusiveStartGlobalTableName?: string; Limit?: number; RegionName?: string }, { GlobalTables: { GlobalTableName?: string; ReplicationGroup?: { RegionName?: string }[] }[] }];
  ListContributorInsights: [{ TableName?: string; NextToken?: string; MaxResults?: number }, { ContributorInsightsSummaries?: (ContributorInsightsInput & { ContributorInsightsStatus?: string })[]; NextToken?: string }];
  'DynamoDBStreams_20120810.ListStreams': [{ TableName?: string; Limit?: number; ExclusiveStartStreamArn?: string }, { Streams?: StreamSummary[]; LastEvaluatedStreamArn?: string }];
  'DynamoDBStreams_20120810.DescribeStream': [{ StreamArn: string; Limit?: number; ExclusiveStartShardId?: string }, { StreamDescription?: StreamDescription }];
  'DynamoDBStreams_20120810.GetShardIterator': [{ StreamArn: string; ShardId: string; ShardIteratorType: 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER'; SequenceNumber?: string }, { ShardIterator?: string }];
  'DynamoDBStreams_20120810.GetRecords': [{ ShardIterator: string; Limit?: number }, { Records?: StreamRecord[]; NextShardIterator?: string }];
  'Playground.SetClock': [{ Mode: 'REAL' | 'VIRTUAL'; Now?: number }, ClockOutput];
  'Playground.AdvanceClock': [{ Seconds: number }, ClockOutput];
  'Playground.Configure': [Partial<Omit<PlaygroundSettings, 'Prices'>> & { Seed?: number; Prices?: string | Record<string, number> }, PlaygroundSettings];
  'Playground.Reset': [Record<string, never>, ClockOutput];
  'Playground.GetMetrics': [
    { TableName: string; SinceSeconds?: number },
    {
      TableName: string;
      Scale: number;
      Now: number;
      /** What one partition serves and holds, divided by the playground's scale. */
      PartitionLimits: { ReadCapacityUnitsPerSecond: number; WriteCapacityUnitsPerSecond: number; SizeBytes: number };
      [member: string]: unknown;
    },
  ];
  'Playground.EstimateCost': [{ MonthlyWrites?: number; MonthlyReads?: number; StorageGB?: number; Days?: number }, { [member: string]: unknown }];
  'Playground.Advise': [{ TableName?: string }, { Findings: AdvisorFinding[] }];
  /** The simulated S3: every bucket, or one bucket's objects under Prefix (docs/export-import.md). */
  'Playground.ListObjects': [{ Bucket?: string; Prefix?: string }, { Buckets?: { Name: string; ObjectCount: number }[]; Objects?: { Key: string; Size: number; ETag: string }[] }];
  /** Body is base64. */
  'Playground.DescribeReplication': [{ TableName: string }, { TableName: string; ReplicationSeconds: number; GlobalTableVersion?: string; Regions: { RegionName: string; TableArn: string; ItemCount: number; TableSizeBytes: number; ChangesInFlight: number; NextArrivalSeconds?: number }[] }];
  'Playground.GetObject': [{ Bucket: string; Key: string }, { Body: string; ContentLength: number; ETag: string }];
  'Playground.PutObject': [{ Bucket: string; Key: string; Body: string }, { ETag: string }];
  'Playground.SimulateWorkload': [{ TableName: string; DurationSeconds?: number; RequestsPerSecond?: number; [member: string]: unknown }, { Requests: number; Succeeded: number; Throttled: number; Failed: number; [member: string]: unknown }];
}

/** The key of OperationShapes for a name `send()` takes (a DynamoDB target may carry its prefix). */
export type ShapeName<Name extends string> = Name extends `DynamoDB_20120810.${infer Short}` ? Short : Name;
/** What `send(name, input)` takes as `input`. */
export type InputOf<Name extends string> = ShapeName<Name> extends keyof OperationShapes ? OperationShapes[ShapeName<Name>][0] : never;
/** What `send(name, input)` resolves to. */
export type OutputOf<Name extends string> = ShapeName<Name> extends keyof OperationShapes ? OperationShapes[ShapeName<Name>][1] : never;
