using CchcAnalytics.Core;
using DuckDB.NET.Data;
using static CchcAnalytics.Storage.StoreSql;

namespace CchcAnalytics.Storage;

/// <summary>Reference data: units and their aliases, frameworks with their index components, lineage events, concepts and the crosswalk. The
/// data folder is the truth; ingest of a data folder writes it here, and validation reads it back.</summary>
public sealed class ReferenceStore(DuckDbConnectionFactory connections)
{
    /// <summary>Inserts or updates units and their aliases (reference data: the file is the truth).</summary>
    public void UpsertUnits(IEnumerable<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var unit in units)
        {
            Execute(connection, "DELETE FROM unit_alias WHERE unit_id = $id", ("id", unit.Id));
            Execute(connection, "DELETE FROM unit WHERE unit_id = $id", ("id", unit.Id));
            Execute(
                connection,
                "INSERT INTO unit (unit_id, name, kind, level, province, valid_from, valid_to, first_year, last_year) " +
                "VALUES ($id, $name, $kind, $level, $province, $from, $to, $first, $last)",
                ("id", unit.Id),
                ("name", unit.Name),
                ("kind", unit.Kind.ToCode()),
                ("level", unit.Kind.ToLevel()),
                ("province", unit.Province),
                ("from", unit.ValidFrom),
                ("to", unit.ValidTo),
                ("first", unit.FirstYear),
                ("last", unit.LastYear));
            foreach (var alias in unit.Aliases.Distinct(StringComparer.Ordinal))
            {
                Execute(connection, "INSERT INTO unit_alias VALUES ($id, $alias)", ("id", unit.Id), ("alias", alias));
            }
        }

        transaction.Commit();
    }

    public IReadOnlyList<Unit> LoadUnits()
    {
        using var connection = connections.Open();
        var aliases = new Dictionary<string, List<string>>();
        using (var reader = Query(connection, "SELECT unit_id, alias FROM unit_alias ORDER BY unit_id, alias"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!aliases.TryGetValue(id, out var list))
                {
                    aliases[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        var units = new List<Unit>();
        using (var reader = Query(connection, "SELECT unit_id, name, kind, province, valid_from, valid_to, first_year, last_year FROM unit ORDER BY unit_id"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!UnitKindText.TryParse(reader.GetString(2), out var kind))
                {
                    throw new InvalidDataException($"Unit '{id}' has an unknown kind '{reader.GetString(2)}' in the database.");
                }

                units.Add(new Unit(
                    id,
                    reader.GetString(1),
                    kind,
                    reader.GetString(3),
                    GetDate(reader, 4),
                    GetDate(reader, 5),
                    aliases.GetValueOrDefault(id) ?? [],
                    reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : reader.GetInt32(7)));
            }
        }

        return units;
    }

    /// <summary>Stores a framework. Reference frameworks (official, derived, illustrative) are replaced by the
    /// file's version; a draft is only added when no framework of that id exists yet.</summary>
    public void UpsertFramework(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        ReferenceStore.WriteFramework(connection, framework);
        transaction.Commit();
    }

    public IReadOnlyList<Framework> LoadFrameworks()
    {
        using var connection = connections.Open();
        var criteria = new Dictionary<string, List<FrameworkCriterion>>();
        using (var reader = Query(connection, "SELECT framework_id, code, level, name, max_points FROM framework_criterion ORDER BY framework_id, ordinal"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!criteria.TryGetValue(id, out var list))
                {
                    criteria[id] = list = [];
                }

                list.Add(new FrameworkCriterion(reader.GetString(1), CriterionLevelText.Parse(reader.GetString(2)), reader.GetString(3), reader.GetDecimal(4)));
            }
        }

        var components = new Dictionary<string, List<FrameworkComponent>>();
        using (var reader = Query(connection, "SELECT framework_id, component, name, max_points, role, note FROM framework_component ORDER BY framework_id, ordinal"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!components.TryGetValue(id, out var list))
                {
                    components[id] = list = [];
                }

                list.Add(new FrameworkComponent(id, reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), ComponentRoleText.Parse(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        var frameworks = new List<Framework>();
        using (var reader = Query(connection, "SELECT framework_id, province, level, year_from, year_to, decision, status, source FROM framework ORDER BY year_from, framework_id"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                frameworks.Add(new Framework(
                    id,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    FrameworkStatusText.Parse(reader.GetString(6)),
                    reader.GetString(7),
                    criteria.GetValueOrDefault(id) ?? [])
                {
                    // None for a framework stored before schema version 6: then it is its criteria tree alone.
                    Components = components.GetValueOrDefault(id) ?? [],
                });
            }
        }

        return frameworks;
    }

    /// <summary>Replaces the lineage events (reference data: <c>data/lineage.csv</c> is the truth).</summary>
    public void ReplaceLineage(IEnumerable<LineageEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM unit_event");
        foreach (var e in events)
        {
            Execute(
                connection,
                "INSERT INTO unit_event VALUES ($id, $year, $date, $event, $province, $level, $from, $to, $fromKind, $toKind, $basis, $source, $note)",
                ("id", e.Id),
                ("year", e.EffectiveYear),
                ("date", e.Date),
                ("event", e.Kind.ToCode()),
                ("province", e.Province),
                ("level", e.Level),
                ("from", e.FromUnit),
                ("to", e.ToUnit),
                ("fromKind", e.FromKind?.ToCode()),
                ("toKind", e.ToKind?.ToCode()),
                ("basis", e.LegalBasis),
                ("source", e.Source),
                ("note", e.Note));
        }

        transaction.Commit();
    }

    public IReadOnlyList<LineageEvent> LoadLineage()
    {
        using var connection = connections.Open();
        using var reader = Query(connection,
            "SELECT event_id, effective_year, event_date, event, province, level, from_unit, to_unit, from_kind, to_kind, legal_basis, source, note " +
            "FROM unit_event ORDER BY effective_year, event_id");
        var events = new List<LineageEvent>();
        while (reader.Read())
        {
            events.Add(new LineageEvent(
                reader.GetString(0),
                reader.GetInt32(1),
                GetDate(reader, 2),
                LineageEventKindText.Parse(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                KindOrNull(reader, 8),
                KindOrNull(reader, 9),
                reader.GetString(10),
                reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return events;
    }

    /// <summary>Replaces the concepts and the crosswalk (reference data: <c>data/frameworks/</c> is the truth).</summary>
    public void ReplaceCrosswalk(Crosswalk crosswalk)
    {
        ArgumentNullException.ThrowIfNull(crosswalk);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM crosswalk");
        Execute(connection, "DELETE FROM concept");
        foreach (var concept in crosswalk.Concepts.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            Execute(connection, "INSERT INTO concept VALUES ($id, $level, $name)", ("id", concept.Id), ("level", concept.Level.ToCode()), ("name", concept.Name));
        }

        foreach (var entry in crosswalk.Entries)
        {
            Execute(
                connection,
                "INSERT INTO crosswalk VALUES ($framework, $code, $concept, $mapping, $from, $note)",
                ("framework", entry.FrameworkId),
                ("code", entry.Code),
                ("concept", entry.ConceptId),
                ("mapping", entry.Mapping.ToCode()),
                ("from", entry.FromCodes.Count == 0 ? null : string.Join('|', entry.FromCodes)),
                ("note", entry.Note));
        }

        transaction.Commit();
    }

    public Crosswalk LoadCrosswalk()
    {
        using var connection = connections.Open();
        var concepts = new List<Concept>();
        using (var reader = Query(connection, "SELECT concept_id, level, name FROM concept ORDER BY concept_id"))
        {
            while (reader.Read())
            {
                concepts.Add(new Concept(reader.GetString(0), CriterionLevelText.Parse(reader.GetString(1)), reader.GetString(2)));
            }
        }

        var entries = new List<CrosswalkEntry>();
        using (var reader = Query(connection, "SELECT framework_id, code, concept_id, mapping, from_codes, note FROM crosswalk ORDER BY rowid"))
        {
            while (reader.Read())
            {
                if (!MappingKindText.TryParse(reader.GetString(3), out var mapping))
                {
                    throw new InvalidDataException($"Unknown crosswalk mapping '{reader.GetString(3)}' in the database.");
                }

                entries.Add(new CrosswalkEntry(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetString(2),
                    mapping,
                    reader.IsDBNull(4) ? [] : reader.GetString(4).Split('|'),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        return new Crosswalk(concepts, entries);
    }

    /// <summary>Writes a framework; false when it is a draft and a framework of that id exists already (left alone).</summary>
    internal static bool WriteFramework(DuckDBConnection connection, Framework framework)
    {
        using (var reader = Query(connection, "SELECT status FROM framework WHERE framework_id = $id", ("id", framework.Id)))
        {
            if (reader.Read() && framework.Status == FrameworkStatus.Draft)
            {
                return false;
            }
        }

        Execute(connection, "DELETE FROM framework_criterion WHERE framework_id = $id", ("id", framework.Id));
        Execute(connection, "DELETE FROM framework_component WHERE framework_id = $id", ("id", framework.Id));
        Execute(connection, "DELETE FROM framework WHERE framework_id = $id", ("id", framework.Id));
        Execute(
            connection,
            "INSERT INTO framework VALUES ($id, $province, $level, $from, $to, $decision, $status, $source, $total)",
            ("id", framework.Id),
            ("province", framework.Province),
            ("level", framework.Level),
            ("from", framework.YearFrom),
            ("to", framework.YearTo),
            ("decision", framework.Decision),
            ("status", framework.Status.ToCode()),
            ("source", framework.Source),
            ("total", framework.TotalMax));
        using (var appender = connection.CreateAppender("framework_criterion"))
        {
            var ordinal = 0;
            foreach (var criterion in framework.Criteria)
            {
                appender.CreateRow()
                    .AppendValue(framework.Id)
                    .AppendValue(criterion.Code)
                    .AppendValue(criterion.ParentCode)
                    .AppendValue(criterion.Level.ToCode())
                    .AppendValue(criterion.Name)
                    .AppendValue(criterion.MaxPoints)
                    .AppendValue(ordinal++)
                    .EndRow();
            }
        }

        using (var appender = connection.CreateAppender("framework_component"))
        {
            var ordinal = 0;
            foreach (var component in framework.Components)
            {
                appender.CreateRow()
                    .AppendValue(framework.Id)
                    .AppendValue(component.Id)
                    .AppendValue(component.Name)
                    .AppendValue(component.MaxPoints)
                    .AppendValue(component.Role.ToCode())
                    .AppendValue(component.Note)
                    .AppendValue(ordinal++)
                    .EndRow();
            }
        }

        return true;
    }

    /// <summary>Replaces the provinces and levels (reference data: data/provinces.csv and data/levels.csv are the truth).</summary>
    public void ReplacePlaces(Places places)
    {
        ArgumentNullException.ThrowIfNull(places);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM province");
        Execute(connection, "DELETE FROM unit_level");
        foreach (var province in places.Provinces)
        {
            Execute(connection, "INSERT INTO province VALUES ($id, $name)", ("id", province.Id), ("name", province.Name));
        }

        foreach (var level in places.Levels)
        {
            Execute(
                connection,
                "INSERT INTO unit_level VALUES ($id, $code, $name, $units, $label, $default, $ordinal)",
                ("id", level.Id),
                ("code", level.Code),
                ("name", level.Name),
                ("units", level.UnitsName),
                ("label", level.Label),
                ("default", level.IsDefault),
                ("ordinal", level.Ordinal));
        }

        transaction.Commit();
    }

    public Places LoadPlaces()
    {
        using var connection = connections.Open();
        var provinces = new List<ProvinceInfo>();
        using (var reader = Query(connection, "SELECT province_id, name FROM province ORDER BY province_id"))
        {
            while (reader.Read())
            {
                provinces.Add(new ProvinceInfo(reader.GetString(0), reader.GetString(1)));
            }
        }

        var levels = new List<LevelInfo>();
        using (var reader = Query(connection, "SELECT level_id, code, name, units_name, label, is_default, ordinal FROM unit_level ORDER BY ordinal"))
        {
            while (reader.Read())
            {
                levels.Add(new LevelInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5), reader.GetInt32(6)));
            }
        }

        return new Places(provinces, levels);
    }

    /// <summary>Replaces where the communes came from (reference data: data/commune-origins.csv is the truth).</summary>
    public void ReplaceOrigins(IReadOnlyList<CommuneOrigin> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM commune_origin");
        foreach (var origin in origins)
        {
            Execute(
                connection,
                "INSERT INTO commune_origin VALUES ($id, $status, $districts, $units, $unresolved)",
                ("id", origin.UnitId),
                ("status", origin.Status),
                ("districts", string.Join('|', origin.FormerDistricts)),
                ("units", string.Join('|', origin.FormerUnits)),
                ("unresolved", origin.Unresolved));
        }

        transaction.Commit();
    }

    /// <summary>Where each commune came from, by unit id; empty when the data folder had no commune-origins.csv.</summary>
    public IReadOnlyList<CommuneOrigin> LoadOrigins()
    {
        using var connection = connections.Open();
        var origins = new List<CommuneOrigin>();
        using var reader = Query(connection, "SELECT unit_id, status, former_districts, former_units, unresolved FROM commune_origin ORDER BY unit_id");
        while (reader.Read())
        {
            origins.Add(new CommuneOrigin(reader.GetString(0), reader.GetString(1), Split(reader.GetString(2)), reader.GetString(4)) { FormerUnits = Split(reader.GetString(3)) });
        }

        return origins;

        static string[] Split(string text) => text.Split('|', StringSplitOptions.RemoveEmptyEntries);
    }
}
