// One ready-to-send request per operation, as data: the console's picker lists them in this
// order and prefills the editor with `input`. An operation with a dot ("Playground.SetClock") is
// a full target, sent as is. They follow the Music table of the DynamoDB
// Developer Guide ("Getting started with DynamoDB", steps 1-6) so that sending them top to
// bottom walks through that tutorial. A new operation in the engine needs one entry here. An
// operation with several examples (UpdateTable) gives each later one a `label`, which the picker
// shows in place of the operation's name so that every example can be picked.
//
// Each `input` is the request body in DynamoDB's JSON wire format, exactly what the AWS API
// Reference shows, so it can be pasted unchanged into `aws dynamodb ... --cli-input-json`; the
// exceptions are ARNs and paths that only exist at run time (NEWEST_BACKUP_ARN and the export
// and import placeholders below).

// The playground's region and account (those of DynamoDB Local and most emulators), as DescribeTable
// shows them in TableArn.
const MUSIC_TABLE_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/Music';

// Stands where an example needs the ARN of a backup. A backup's ARN holds the millisecond it was
// made, so no example can know it; Send puts the newest backup's ARN in its place
// (fillRunTimeValues) and the editor then shows the request as it was sent. Longer than the 37
// characters a BackupArn needs, so sent unfilled it is a BackupNotFoundException, not a puzzle.
export const NEWEST_BACKUP_ARN = '<the newest BackupArn, filled in from ListBackups at Send>';
// The same for the newest export (ListExports), the folder of its data files (the S3KeyPrefix
// that imports it) and the newest import (ListImports).
export const NEWEST_EXPORT_ARN = '<the newest ExportArn, filled in from ListExports at Send>';
export const NEWEST_EXPORT_DATA = '<the newest export\'s data folder, filled in from ListExports at Send>';
export const NEWEST_IMPORT_ARN = '<the newest ImportArn, filled in from ListImports at Send>';

const MUSIC_SONG_KEY = {
  Artist: { S: 'No One You Know' },
  SongTitle: { S: 'Call Me Today' },
};

export const EXAMPLES = [
  {
    operation: 'CreateTable',
    summary:
      'Creates the Music table: Artist is the partition key, SongTitle the sort key, on-demand, ' +
      'with a global secondary index on AlbumTitle and a stream of every change.',
    input: {
      TableName: 'Music',
      AttributeDefinitions: [
        { AttributeName: 'Artist', AttributeType: 'S' },
        { AttributeName: 'SongTitle', AttributeType: 'S' },
        { AttributeName: 'AlbumTitle', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'Artist', KeyType: 'HASH' },
        { AttributeName: 'SongTitle', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        {
          IndexName: 'AlbumTitle-index',
          KeySchema: [{ AttributeName: 'AlbumTitle', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    },
  },
  {
    operation: 'PutItem',
    summary: 'Writes one song and asks for the write capacity it consumed.',
    input: {
      TableName: 'Music',
      Item: {
        ...MUSIC_SONG_KEY,
        AlbumTitle: { S: 'Somewhat Famous' },
        Awards: { N: '1' },
      },
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'GetItem',
    summary: 'Reads the song back by its full primary key (an eventually consistent read).',
    input: {
      TableName: 'Music',
      Key: MUSIC_SONG_KEY,
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'UpdateItem',
    summary: 'Changes the album title and counts a play, returning only what changed.',
    input: {
      TableName: 'Music',
      Key: MUSIC_SONG_KEY,
      UpdateExpression: 'SET AlbumTitle = :newval ADD Plays :one',
      ConditionExpression: 'attribute_exists(Artist)',
      ExpressionAttributeValues: {
        ':newval': { S: 'Updated Album Title' },
        ':one': { N: '1' },
      },
      ReturnValues: 'UPDATED_NEW',
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'Query',
    summary: "Reads every song of one artist: a Query touches one item collection, in key order.",
    input: {
      TableName: 'Music',
      KeyConditionExpression: 'Artist = :name AND begins_with(SongTitle, :prefix)',
      ExpressionAttributeValues: {
        ':name': { S: 'No One You Know' },
        ':prefix': { S: 'Call' },
      },
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'Scan',
    summary:
      'Reads every item of the table, a page (up to 1 MB) at a time, and pays for all it reads; a ' +
      'FilterExpression would drop items only after they are read (and paid for).',
    input: {
      TableName: 'Music',
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'BatchWriteItem',
    summary: 'Writes two songs in one call (up to 25 puts or deletes).',
    input: {
      RequestItems: {
        Music: [
          {
            PutRequest: {
              Item: { Artist: { S: 'Acme Band' }, SongTitle: { S: 'Happy Day' }, Awards: { N: '3' } },
            },
          },
          {
            PutRequest: {
              Item: { Artist: { S: 'Acme Band' }, SongTitle: { S: 'PartiQL Rocks' } },
            },
          },
        ],
      },
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'BatchGetItem',
    summary: 'Reads two songs by key in one call (up to 100 keys).',
    input: {
      RequestItems: {
        Music: {
          Keys: [
            { Artist: { S: 'Acme Band' }, SongTitle: { S: 'Happy Day' } },
            { Artist: { S: 'Acme Band' }, SongTitle: { S: 'PartiQL Rocks' } },
          ],
          ProjectionExpression: 'SongTitle, Awards',
        },
      },
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'TransactWriteItems',
    summary: 'Moves an award between two songs, all or nothing, only if the first has one.',
    input: {
      TransactItems: [
        {
          Update: {
            TableName: 'Music',
            Key: { Artist: { S: 'Acme Band' }, SongTitle: { S: 'Happy Day' } },
            UpdateExpression: 'SET Awards = Awards - :one',
            ConditionExpression: 'Awards >= :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          },
        },
        {
          Update: {
            TableName: 'Music',
            Key: { Artist: { S: 'Acme Band' }, SongTitle: { S: 'PartiQL Rocks' } },
            UpdateExpression: 'ADD Awards :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          },
        },
      ],
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'TransactGetItems',
    summary: 'Reads both songs as one consistent snapshot.',
    input: {
      TransactItems: [
        { Get: { TableName: 'Music', Key: { Artist: { S: 'Acme Band' }, SongTitle: { S: 'Happy Day' } } } },
        {
          Get: {
            TableName: 'Music',
            Key: { Artist: { S: 'Acme Band' }, SongTitle: { S: 'PartiQL Rocks' } },
          },
        },
      ],
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'ExecuteStatement',
    summary:
      "PartiQL: a SELECT naming the partition key runs as a Query (the whole key: a GetItem; " +
      'neither: a Scan). Each ? takes the next of Parameters.',
    input: {
      Statement: 'SELECT SongTitle, Awards FROM Music WHERE Artist = ?',
      Parameters: [{ S: 'Acme Band' }],
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'BatchExecuteStatement',
    summary:
      'Up to 25 PartiQL statements, all reads or all writes, each answered in place (with an ' +
      'Error of its own when it fails). A read names the whole key.',
    input: {
      Statements: [
        { Statement: "SELECT * FROM Music WHERE Artist = 'Acme Band' AND SongTitle = 'Happy Day'" },
        { Statement: "SELECT * FROM Music WHERE Artist = 'Acme Band' AND SongTitle = 'PartiQL Rocks'" },
      ],
    },
  },
  {
    operation: 'ExecuteTransaction',
    summary:
      'Up to 100 PartiQL statements, all or nothing. UPDATE needs the whole key and fails on a ' +
      'missing item; INSERT fails on an existing one (DuplicateItem).',
    input: {
      TransactStatements: [
        { Statement: "UPDATE Music SET Awards = Awards + 1 WHERE Artist = 'Acme Band' AND SongTitle = 'Happy Day'" },
        { Statement: "INSERT INTO Music VALUE {'Artist': 'Acme Band', 'SongTitle': 'Encore'}" },
      ],
    },
  },
  {
    operation: 'DeleteItem',
    summary: 'Deletes the song and returns the item as it was before the delete.',
    input: {
      TableName: 'Music',
      Key: MUSIC_SONG_KEY,
      ReturnValues: 'ALL_OLD',
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'UpdateTimeToLive',
    summary:
      'Turns on Time to Live: items whose ExpiresAt (epoch seconds) has passed are deleted by ' +
      "the engine's sweeper, without consuming capacity.",
    input: {
      TableName: 'Music',
      TimeToLiveSpecification: { AttributeName: 'ExpiresAt', Enabled: true },
    },
  },
  {
    operation: 'DescribeTimeToLive',
    summary: "Shows the table's Time to Live status and attribute.",
    input: { TableName: 'Music' },
  },
  {
    operation: 'TagResource',
    summary:
      'Tags the table by its ARN (DescribeTable shows it as TableArn): up to 50 tags, keys and ' +
      'values of letters, numbers, spaces and _ . : / = + - @; keys starting with aws: are reserved.',
    input: {
      ResourceArn: MUSIC_TABLE_ARN,
      Tags: [
        { Key: 'Owner', Value: 'blueTeam' },
        { Key: 'CostCenter', Value: '12345' },
      ],
    },
  },
  {
    operation: 'ListTagsOfResource',
    summary: "Lists the table's tags, in key order. DescribeTable does not show them.",
    input: { ResourceArn: MUSIC_TABLE_ARN },
  },
  {
    operation: 'UntagResource',
    summary: 'Removes tags by key; a key the table does not have is not an error.',
    input: { ResourceArn: MUSIC_TABLE_ARN, TagKeys: ['CostCenter'] },
  },
  {
    operation: 'PutResourcePolicy',
    summary:
      "Attaches a resource-based policy (IAM policy JSON, at most 20 KB) to the table by its ARN; " +
      'the answer is the RevisionId. The playground stores and checks it but grants everything ' +
      'anyway: it evaluates no policy.',
    input: {
      ResourceArn: MUSIC_TABLE_ARN,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ReadOnlyForTheAccount',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::000000000000:root' },
            Action: ['dynamodb:GetItem', 'dynamodb:Query'],
            Resource: MUSIC_TABLE_ARN,
          },
        ],
      }),
    },
  },
  {
    operation: 'GetResourcePolicy',
    summary: "Shows the table's policy as the service keeps it (minified) and its RevisionId.",
    input: { ResourceArn: MUSIC_TABLE_ARN },
  },
  {
    operation: 'CreateBackup',
    summary:
      'Backs the table up: its items, key schema, indexes and capacity settings as they are now. ' +
      'The backup is AVAILABLE at once; RestoreTableFromBackup makes a new table from its BackupArn.',
    input: { TableName: 'Music', BackupName: 'MusicBackup' },
  },
  {
    operation: 'ListBackups',
    summary: "Lists the table's backups, oldest first (filters: time range, BackupType, Limit).",
    input: { TableName: 'Music' },
  },
  {
    operation: 'DescribeBackup',
    summary:
      "Describes a backup: its size, status and the source table's schema and settings. Send " +
      "fills in the newest backup's ARN; paste another from ListBackups to pick one.",
    input: { BackupArn: NEWEST_BACKUP_ARN },
  },
  {
    operation: 'RestoreTableFromBackup',
    summary:
      'Makes a new table from a backup (here the newest): its items, keys, indexes and capacity ' +
      'settings, with a RestoreSummary in DescribeTable. Tags, stream and TTL are not restored.',
    input: { TargetTableName: 'MusicFromBackup', BackupArn: NEWEST_BACKUP_ARN },
  },
  {
    operation: 'DeleteBackup',
    summary:
      'Deletes a backup (here the newest); tables restored from it stay. Send fills in the ARN ' +
      'as for DescribeBackup.',
    input: { BackupArn: NEWEST_BACKUP_ARN },
  },
  {
    operation: 'UpdateContinuousBackups',
    summary:
      'Turns on point-in-time recovery: from now on the table can be restored to any second of ' +
      "the last RecoveryPeriodInDays (1 to 35) on the engine's clock.",
    input: {
      TableName: 'Music',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
    },
  },
  {
    operation: 'DescribeContinuousBackups',
    summary: 'Shows point-in-time recovery: its period and the earliest and latest restorable times.',
    input: { TableName: 'Music' },
  },
  {
    operation: 'RestoreTableToPointInTime',
    summary:
      'Restores the table as it was at RestoreDateTime (epoch seconds) or, here, at the latest ' +
      'restorable time, into a new table.',
    input: { SourceTableName: 'Music', TargetTableName: 'MusicRestored', UseLatestRestorableTime: true },
  },
  {
    operation: 'ExportTableToPointInTime',
    summary:
      "Exports the table (point-in-time recovery must be on) to the playground's simulated S3, as " +
      'AWS lays the files out: manifests and one gzipped data file per partition under ' +
      'nightly/AWSDynamoDB/<ExportId>/. ExportFormat ION writes Ion; ExportTime picks an earlier second.',
    input: { TableArn: MUSIC_TABLE_ARN, S3Bucket: 'music-exports', S3Prefix: 'nightly', ExportFormat: 'DYNAMODB_JSON' },
  },
  {
    operation: 'DescribeExport',
    summary:
      'Describes an export (here the newest): COMPLETED with its ItemCount and manifest. ' +
      'Playground.ListObjects lists its files; the Recovery panel downloads them.',
    input: { ExportArn: NEWEST_EXPORT_ARN },
  },
  {
    operation: 'ListExports',
    summary: "Lists the table's exports, newest first.",
    input: { TableArn: MUSIC_TABLE_ARN },
  },
  {
    operation: 'ImportTable',
    summary:
      "Creates a new table from files in the simulated S3: here the newest export's data files " +
      '(gzipped DynamoDB JSON). CSV and ION work too; bad lines are counted in ErrorCount.',
    input: {
      S3BucketSource: { S3Bucket: 'music-exports', S3KeyPrefix: NEWEST_EXPORT_DATA },
      InputFormat: 'DYNAMODB_JSON',
      InputCompressionType: 'GZIP',
      TableCreationParameters: {
        TableName: 'MusicImported',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'Artist', AttributeType: 'S' },
          { AttributeName: 'SongTitle', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'Artist', KeyType: 'HASH' },
          { AttributeName: 'SongTitle', KeyType: 'RANGE' },
        ],
      },
    },
  },
  {
    operation: 'DescribeImport',
    summary: 'Describes an import (here the newest): its status and how many items it read and imported.',
    input: { ImportArn: NEWEST_IMPORT_ARN },
  },
  {
    operation: 'ListImports',
    summary: 'Lists the imports, newest first.',
    input: {},
  },
  {
    operation: 'DynamoDBStreams_20120810.ListStreams',
    summary:
      "Lists the table's streams through the DynamoDB Streams API (the Stream panel reads its " +
      'records).',
    input: { TableName: 'Music' },
  },
  {
    operation: 'DescribeTable',
    summary: "Shows the table's key schema, status, item count and capacity settings.",
    input: { TableName: 'Music' },
  },
  {
    operation: 'ListTables',
    summary: 'Lists the table names in this playground.',
    input: {},
  },
  {
    operation: 'DescribeLimits',
    summary:
      'Shows the most capacity the account may provision: 40,000 read and write units a table, ' +
      '80,000 across the account.',
    input: {},
  },
  {
    operation: 'DescribeEndpoints',
    summary: 'Shows the address that answers DynamoDB requests, and how long to keep it.',
    input: {},
  },
  // The playground's own operations (docs/api-coverage.md, "Playground extensions"): they come
  // before UpdateTable so the simulation runs on the on-demand Music table, whose four partitions
  // each serve at most 1,000 WCU per second.
  {
    operation: 'Playground.SetClock',
    summary:
      "Stops the engine's clock (virtual time), so a simulated workload can run seconds in an instant.",
    // No "Now": the clock stops where it is, because time never moves backwards and a fixed date
    // would be in the past one day.
    input: { Mode: 'VIRTUAL' },
  },
  {
    operation: 'Playground.SimulateWorkload',
    summary:
      'The hot-partition mistake: 2,000 PutItem/s for 10 s, 90% for one artist. One partition ' +
      'takes 1,800 WCU/s against its 1,000 WCU limit, so writes are throttled while the table ' +
      'has capacity to spare.',
    input: {
      TableName: 'Music',
      DurationSeconds: 10,
      RequestsPerSecond: 2000,
      Operations: { PutItem: 1 },
      ItemSizeBytes: 200,
      KeyDistribution: {
        Type: 'WEIGHTED',
        Keys: [
          { Key: 'No One You Know', Weight: 90 },
          { Key: 'Acme Band', Weight: 5 },
          { Key: 'The Acme Band', Weight: 5 },
        ],
      },
      Seed: 42,
    },
  },
  {
    operation: 'Playground.GetMetrics',
    summary: "Shows each partition's consumed capacity per second, its throttles and the hot keys.",
    input: { TableName: 'Music', SinceSeconds: 60 },
  },
  {
    operation: 'Playground.Configure',
    summary:
      'Playground settings. "Throttling": "OFF" serves every request (for test suites, which run ' +
      'far faster than any client against DynamoDB) and still counts what would have throttled.',
    input: { Throttling: 'ON', SplitForHeat: true },
  },
  {
    operation: 'Playground.EstimateCost',
    summary:
      'Prices a chat app for a month: 100 million writes, 500 million reads, 100 GB stored, ' +
      'on-demand and provisioned.',
    input: { MonthlyWrites: 100000000, MonthlyReads: 500000000, StorageGB: 100 },
  },
  {
    operation: 'Playground.EstimateCost',
    label: 'Playground.EstimateCost · Standard-IA',
    summary:
      'Prices an archive for a month in the Standard-Infrequent Access table class: 1,000 GB ' +
      'kept and rarely read, where storage 60% cheaper outweighs requests 25% dearer.',
    input: { MonthlyWrites: 1000000, MonthlyReads: 10000000, StorageGB: 1000, TableClass: 'STANDARD_INFREQUENT_ACCESS' },
  },
  {
    operation: 'Playground.AdvanceClock',
    summary: 'Moves the virtual clock a minute on, as if the time had passed.',
    input: { Seconds: 60 },
  },
  {
    operation: 'DeleteResourcePolicy',
    summary:
      "Removes the table's policy (a resource without one is not an error). Within 15 seconds of " +
      'the last policy change it is a ThrottlingException, as on AWS.',
    input: { ResourceArn: MUSIC_TABLE_ARN },
  },
  {
    operation: 'UpdateTable',
    summary:
      'Caps the on-demand table at 100 read and 50 write request units a second ' +
      '(OnDemandThroughput): a second\'s requests past the cap are throttled with the reason ' +
      'TableWriteMaxOnDemandThroughputExceeded. -1 removes a cap.',
    input: {
      TableName: 'Music',
      OnDemandThroughput: { MaxReadRequestUnits: 100, MaxWriteRequestUnits: 50 },
    },
  },
  {
    operation: 'UpdateTable',
    label: 'UpdateTable · WarmThroughput',
    summary:
      'Pre-warms the table for a launch: it serves 15,000 reads and 5,000 writes a second at ' +
      'once (WarmThroughput; DescribeTable shows it). Warm throughput never goes down.',
    input: {
      TableName: 'Music',
      WarmThroughput: { ReadUnitsPerSecond: 15000, WriteUnitsPerSecond: 5000 },
    },
  },
  // A replica needs an on-demand table (the service takes a provisioned one only with auto
  // scaling, which is not simulated), so these come before the switch to provisioned capacity;
  // the Delete comes before DeleteTable, which the 24-hour source rule would refuse while the
  // replica is there.
  {
    operation: 'UpdateTable',
    label: 'UpdateTable · ReplicaUpdates Create',
    summary:
      'Makes Music a global table: a replica in eu-west-1 gets its items, and from then on a ' +
      'write in either region reaches the other after GlobalTableReplicationSeconds (1 s of the ' +
      "engine's clock; on a stopped clock, after Playground.AdvanceClock). Pick eu-west-1 in " +
      'Region to write there, and watch the Regions panel.',
    input: {
      TableName: 'Music',
      ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }],
    },
  },
  {
    operation: 'UpdateTable',
    label: 'UpdateTable · ReplicaUpdates Update',
    summary:
      'Gives the eu-west-1 replica settings of its own: at most 100 read request units a second ' +
      'and the Standard-Infrequent Access table class. DescribeTable in us-east-1 lists them ' +
      "under Replicas; in eu-west-1 they are the table's own.",
    input: {
      TableName: 'Music',
      ReplicaUpdates: [{
        Update: {
          RegionName: 'eu-west-1',
          OnDemandThroughputOverride: { MaxReadRequestUnits: 100 },
          TableClassOverride: 'STANDARD_INFREQUENT_ACCESS',
        },
      }],
    },
  },
  {
    operation: 'UpdateTable',
    label: 'UpdateTable · ReplicaUpdates Delete',
    summary:
      'Removes the eu-west-1 replica and its items; Music is a table in one region again. ' +
      'Send it in us-east-1: in eu-west-1 the replica is the local table, which ReplicaUpdates ' +
      'cannot remove (DeleteTable does).',
    input: {
      TableName: 'Music',
      ReplicaUpdates: [{ Delete: { RegionName: 'eu-west-1' } }],
    },
  },
  {
    operation: 'UpdateTable',
    label: 'UpdateTable · BillingMode',
    summary:
      'Switches the table to provisioned capacity: 5 read and 5 write capacity units, and the ' +
      'same for its global index, which has capacity of its own.',
    input: {
      TableName: 'Music',
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      GlobalSecondaryIndexUpdates: [
        {
          Update: {
            IndexName: 'AlbumTitle-index',
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
          },
        },
      ],
    },
  },
  {
    operation: 'DeleteTable',
    summary: 'Deletes the Music table and every item in it.',
    input: { TableName: 'Music' },
  },
];

/** Returns the example for `operation`, or undefined when there is none. */
export function findExample(operation) {
  return EXAMPLES.find((example) => example.operation === operation);
}

/** The example's request body as the editor shows it: two-space indented JSON. */
export function exampleRequestText(example) {
  return JSON.stringify(example.input, null, 2);
}

/**
 * `requestText` with the run-time placeholders filled in: NEWEST_BACKUP_ARN by the ARN of the
 * newest user backup (ListBackups), NEWEST_EXPORT_ARN and NEWEST_EXPORT_DATA by the newest
 * export's ARN and data folder (ListExports, DescribeExport), NEWEST_IMPORT_ARN by the newest
 * import's ARN (ListImports). Returns `{ text, note }`: the text unchanged and no note when it
 * holds no placeholder; unchanged with a note saying what to send first when there is nothing
 * to fill in (sent as it is, it answers the service's not-found error). Rejects only when a
 * listing does.
 */
export async function fillRunTimeValues(db, requestText) {
  let text = requestText;
  const notes = [];
  if (text.includes(NEWEST_BACKUP_ARN)) {
    const newest = await newestBackup(db);
    if (newest === undefined) {
      notes.push('There is no backup yet to fill in: send CreateBackup first.');
    } else {
      text = text.replaceAll(NEWEST_BACKUP_ARN, newest.BackupArn);
      notes.push(`BackupArn is the newest backup's, ${newest.BackupName} of ${newest.TableName} (from ListBackups).`);
    }
  }
  if (text.includes(NEWEST_EXPORT_ARN) || text.includes(NEWEST_EXPORT_DATA)) {
    const [newest] = (await db.send('ListExports', {})).ExportSummaries;
    if (newest === undefined) {
      notes.push('There is no export yet to fill in: send ExportTableToPointInTime first.');
    } else {
      const { ExportDescription } = await db.send('DescribeExport', { ExportArn: newest.ExportArn });
      const folder = ExportDescription.ExportManifest.replace(/manifest-summary\.json$/, 'data/');
      text = text.replaceAll(NEWEST_EXPORT_ARN, newest.ExportArn).replaceAll(NEWEST_EXPORT_DATA, folder);
      notes.push(`The newest export is ${newest.ExportArn.split('/').pop()} (from ListExports).`);
    }
  }
  if (text.includes(NEWEST_IMPORT_ARN)) {
    const [newest] = (await db.send('ListImports', {})).ImportSummaryList;
    if (newest === undefined) {
      notes.push('There is no import yet to fill in: send ImportTable first.');
    } else {
      text = text.replaceAll(NEWEST_IMPORT_ARN, newest.ImportArn);
      notes.push(`ImportArn is the newest import's, into ${newest.TableArn.split('/').pop()} (from ListImports).`);
    }
  }
  return { text, note: notes.length ? notes.join(' ') : null };
}

async function newestBackup(db) {
  let page = await db.send('ListBackups', {});
  while (page.LastEvaluatedBackupArn) {
    page = await db.send('ListBackups', { ExclusiveStartBackupArn: page.LastEvaluatedBackupArn });
  }
  return page.BackupSummaries.at(-1);
}
