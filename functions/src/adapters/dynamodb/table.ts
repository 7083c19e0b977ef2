import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * The single-table definition (docs/storage.md). The CDK EventStore construct declares the same
 * keys; locally the runtime creates the table in dynalite at boot.
 */
export const TABLE_KEYS = { pk: "pk", sk: "sk", gsi1: { name: "gsi1", pk: "gsi1pk", sk: "gsi1sk" } } as const;

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (e) {
    if ((e as Error).name !== "ResourceNotFoundException") throw e;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
        { AttributeName: "gsi1pk", AttributeType: "S" },
        { AttributeName: "gsi1sk", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: "gsi1",
          KeySchema: [
            { AttributeName: "gsi1pk", KeyType: "HASH" },
            { AttributeName: "gsi1sk", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
      ],
    }),
  );
  // A new table is CREATING before it is ACTIVE (also in dynalite, whose switch is an asynchronous
  // write: a busy machine once answered the next request ResourceNotFound). Wait for ACTIVE.
  for (let attempt = 0; ; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === "ACTIVE") return;
    if (attempt >= 600) throw new Error(`table ${tableName} is still ${Table?.TableStatus ?? "missing"} after 60 s`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
