using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Treatment;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding.Synthetic;

/// <summary>
/// The jsonb documents as the app writes them: each through the value converter the EF model maps
/// that column with (FindingsJson, PlanContentJson, the dry-needling converters), taken from the
/// model itself, so what the generator writes is what the app reads back.
/// </summary>
internal sealed class JsonColumns
{
    private readonly Func<object?, object?> _findings;
    private readonly Func<object?, object?> _plan;
    private readonly Func<object?, object?> _sites;
    private readonly Func<object?, object?> _events;

    public JsonColumns(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _findings = ToProvider(model, typeof(VisitAssessment), nameof(VisitAssessment.Findings));
        _plan = ToProvider(model, typeof(PlanOfCare), nameof(PlanOfCare.Content));
        _sites = ToProvider(model, typeof(DryNeedlingProcedure), nameof(DryNeedlingProcedure.Sites));
        _events = ToProvider(model, typeof(DryNeedlingProcedure), nameof(DryNeedlingProcedure.AdverseEvents));
    }

    /// <summary>The app's model, read from a context that never opens a connection.</summary>
    public static IModel AppModel(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PtClinic.Infrastructure.DependencyInjection.ConfigureDbContext(builder, connectionString);
        using var db = new AppDbContext(builder.Options);
        return db.Model;
    }

    public string Findings(Findings findings) => (string)_findings(findings)!;

    public string Plan(PlanContent content) => (string)_plan(content)!;

    public string Sites(IReadOnlyList<DryNeedlingSite> sites) => (string)_sites(sites)!;

    public string AdverseEvents(IReadOnlyList<AdverseEvent> events) => (string)_events(events)!;

    private static Func<object?, object?> ToProvider(IModel model, Type entity, string property)
    {
        var converter = model.FindEntityType(entity)?.FindProperty(property)?.GetValueConverter()
            ?? throw new InvalidOperationException($"{entity.Name}.{property} has no value converter in the app's model.");
        return converter.ConvertToProvider;
    }
}
