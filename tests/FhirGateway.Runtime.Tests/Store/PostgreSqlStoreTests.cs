using FhirGateway.Runtime.Store.PostgreSql;
using FhirGateway.Runtime.Tests.Store.Contract;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Store;

namespace FhirGateway.Runtime.Tests.Store;

// The same store contract run against PostgreSQL: a database per test class on a throwaway cluster (or
// FHIRGW_TEST_POSTGRES), a new schema per test; skipped, with the reason, where PostgreSQL is unavailable.

[NeedsPostgreSql]
public sealed class PostgreSqlRecordStoreTests(PostgreSqlDatabase db) : RecordStoreContract<PostgreSqlGatewayStore>(new PostgreSqlStoreFixture(db)), IClassFixture<PostgreSqlDatabase>;

[NeedsPostgreSql]
public sealed class PostgreSqlDeliveryQueueTests(PostgreSqlDatabase db) : DeliveryQueueContract<PostgreSqlGatewayStore>(new PostgreSqlStoreFixture(db)), IClassFixture<PostgreSqlDatabase>;

[NeedsPostgreSql]
public sealed class PostgreSqlLeaseOwnershipTests(PostgreSqlDatabase db) : LeaseOwnershipContract<PostgreSqlGatewayStore>(new PostgreSqlStoreFixture(db)), IClassFixture<PostgreSqlDatabase>;

[NeedsPostgreSql]
public sealed class PostgreSqlInboundStoreTests(PostgreSqlDatabase db) : InboundStoreContract<PostgreSqlGatewayStore>(new PostgreSqlStoreFixture(db)), IClassFixture<PostgreSqlDatabase>;

[NeedsPostgreSql]
public sealed class PostgreSqlConcurrencyTests(PostgreSqlDatabase db) : ConcurrencyContract<PostgreSqlGatewayStore>(new PostgreSqlStoreFixture(db)), IClassFixture<PostgreSqlDatabase>;

[NeedsPostgreSql]
public sealed class PostgreSqlBatchPipelineTests(PostgreSqlDatabase db) : BatchPipelineContract<PostgreSqlGatewayStore>(new PostgreSqlStoreFixture(db)), IClassFixture<PostgreSqlDatabase>;
