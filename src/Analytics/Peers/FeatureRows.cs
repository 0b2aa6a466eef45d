using Microsoft.ML;
using Microsoft.ML.Data;

namespace CchcAnalytics.Analytics.Peers;

/// <summary>The ML.NET boundary: standardized area profiles (one float vector per unit) as an <see cref="IDataView"/>.</summary>
internal static class FeatureRows
{
    public const string Column = "Features";

    public static IDataView Load(MLContext ml, IReadOnlyList<float[]> features)
    {
        // The vector length is only known at run time (2–3 areas in tests, 8 in the real frameworks), so the schema
        // is built here instead of with a [VectorType(n)] attribute.
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].Length);
        return ml.Data.LoadFromEnumerable(features.Select(f => new FeatureRow { Features = f }), schema);
    }

    /// <summary>One unit's standardized profile.</summary>
    internal sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }
}
