using System.Data.Common;

namespace FhirGateway.Runtime.Store.Sql;

/// <summary>
/// Commands over any ADO.NET connection, for the SQL both engines read alike: parameters are named <c>@name</c>
/// (which Microsoft.Data.Sqlite and Npgsql both take), so one text serves SQLite and PostgreSQL.
/// </summary>
internal static class SqlCommands
{
    public static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(c);
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    public static async Task<int> ExecuteAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A flag stored as an integer (SQLite) or a boolean (PostgreSQL).</summary>
    public static bool Flag(DbDataReader r, int i) => Convert.ToBoolean(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A count or other whole number, whichever integer type the engine gives.</summary>
    public static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
