using FhirGateway.Runtime.Store.Sqlite;
using FhirGateway.Runtime.Tests.Store.Contract;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Store;

// The store contract run against SQLite: one new database file per test.

public sealed class SqliteRecordStoreTests() : RecordStoreContract<SqliteGatewayStore>(new StoreFixture());

public sealed class SqliteDeliveryQueueTests() : DeliveryQueueContract<SqliteGatewayStore>(new StoreFixture());

public sealed class SqliteLeaseOwnershipTests() : LeaseOwnershipContract<SqliteGatewayStore>(new StoreFixture());

public sealed class SqliteInboundStoreTests() : InboundStoreContract<SqliteGatewayStore>(new StoreFixture());

public sealed class SqliteConcurrencyTests() : ConcurrencyContract<SqliteGatewayStore>(new StoreFixture());

public sealed class SqliteBatchPipelineTests() : BatchPipelineContract<SqliteGatewayStore>(new StoreFixture());
