using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Teilhabe.Bench.Data;

/// <summary>
/// The shape of one table as the product's EF model maps it (table name, column names, value converters and
/// store types of the chosen provider), so the loader writes exactly the columns the migrations created.
/// Columns the database generates (identity keys) are left out; columns a generator does not set get the
/// CLR default of their property (false, 0, empty string) or NULL where the column is nullable.
/// </summary>
public sealed class BulkTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly object?[] _defaults;

    public BulkTable(IModel model, string tableName)
    {
        var table = model.GetRelationalModel().Tables.SingleOrDefault(t => t.Name == tableName)
            ?? throw new InvalidOperationException($"The EF model has no table '{tableName}'.");
        Name = tableName;
        var columns = new List<BulkColumn>();
        foreach (var column in table.Columns)
        {
            var property = column.PropertyMappings[0].Property;
            var generated = property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey()
                && (property.ClrType == typeof(long) || property.ClrType == typeof(int));
            if (generated)
            {
                continue;
            }

            var mapping = (RelationalTypeMapping)column.PropertyMappings[0].TypeMapping;
            columns.Add(new BulkColumn(column.Name, column.StoreType, column.IsNullable, property.ClrType, mapping));
        }

        Columns = columns;
        _defaults = new object?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            _index[columns[i].Name] = i;
            _defaults[i] = columns[i].Nullable ? null : columns[i].ToProvider(DefaultOf(columns[i].ClrType));
        }
    }

    public string Name { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    /// <summary>A fresh row holding the defaults; fill it with <see cref="Set"/>.</summary>
    public object?[] NewRow() => (object?[])_defaults.Clone();

    /// <summary>Sets a column by its database name, converting the model value to the provider value.</summary>
    public void Set(object?[] row, string column, object? value)
    {
        if (!_index.TryGetValue(column, out var i))
        {
            throw new InvalidOperationException($"Table '{Name}' has no column '{column}'.");
        }

        var c = Columns[i];
        row[i] = value is null ? (c.Nullable ? null : _defaults[i]) : c.ToProvider(value);
    }

    public bool Has(string column) => _index.ContainsKey(column);

    private static object? DefaultOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return string.Empty;
        }

        return t.IsValueType ? Activator.CreateInstance(t) : null;
    }
}

public sealed record BulkColumn(string Name, string StoreType, bool Nullable, Type ClrType, RelationalTypeMapping Mapping)
{
    /// <summary>The Postgres type name for binary COPY (without length modifiers).</summary>
    public string PostgresType { get; } = StripModifier(StoreType);

    public object? ToProvider(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var converter = Mapping.Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }

    public DbParameter CreateParameter(DbCommand command, string name) => Mapping.CreateParameter(command, name, null, Nullable);

    private static string StripModifier(string storeType)
    {
        var p = storeType.IndexOf('(', StringComparison.Ordinal);
        return p < 0 ? storeType : storeType[..p].Trim();
    }
}
