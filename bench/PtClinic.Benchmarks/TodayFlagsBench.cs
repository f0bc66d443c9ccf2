using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Staff;

namespace PtClinic.Benchmarks;

/// <summary>
/// today-flags: a therapist opens the Today list of a day with 20 visits whose patients each track 20
/// knot sites (GetTodayQuery through the real pipeline), against the same statements sent raw: every
/// statement EF Core sent for it, captured once before timing and replayed, every row read.
/// </summary>
internal sealed class TodayFlagsBench(BenchDatabase database, KnotData data, BenchOptions options, TextWriter log)
{
    public async Task<TodayFlagsResult> RunAsync(CancellationToken ct)
    {
        var user = Staff.Member(data.ClinicId, data.TodayTherapistId, "Bench Therapist", StaffRoles.Therapist);
        IReadOnlyList<SqlStatement> script;
        TodayDto today;
        using (var capture = await EfSqlCapture.StartAsync(ct))
        {
            today = await OursAsync(user, ct);
            script = capture.Statements;
        }

        if (today.Visits.Count != KnotData.TodayVisits)
        {
            throw new BenchFailure($"today-flags: the list has {today.Visits.Count} visits, the seed put {KnotData.TodayVisits} on it.");
        }

        // The stored states the list reads were written by the seed: they must be what a rebuild gives.
        var runner = database.Services.GetRequiredService<IClinicOperationRunner>();
        foreach (var patientId in today.Visits.Select(v => v.PatientId).Distinct())
        {
            var rebuild = await runner.SendAsync(ClinicActor.SystemOf(data.ClinicId), new RebuildPatientKnotStatesCommand(patientId), ct);
            if (!rebuild.IsSuccess || rebuild.Value.Changed != 0 || rebuild.Value.Sites != KnotData.SitesPerPatient)
            {
                throw new BenchFailure(
                    $"today-flags: the seeded knot states of patient {patientId} are not what a rebuild gives " +
                    $"({(rebuild.IsSuccess ? $"{rebuild.Value.Changed} of {rebuild.Value.Sites} sites changed" : rebuild.Error.Message)}).");
            }
        }

        var result = new TodayFlagsResult(script);
        result.Times = await ReplayRace.RunAsync(database, script, () => OursAsync(user, ct), options.SearchWarmup, options.SearchMinWarmup, options.KnotIterations, ct);
        log.WriteLine(
            $"  today list             ours {Format.Ms(result.Ours.Median),9} (p95 {Format.Ms(result.Ours.P95)})   floor {Format.Ms(result.Floor.Median),9} (p95 {Format.Ms(result.Floor.P95)})   {script.Count} statements");
        return result;
    }

    /// <summary>The seeded day, named: with --reuse that day is no longer today, and the list is the same query either way.</summary>
    private async Task<TodayDto> OursAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await Staff.SendAsync(database.Services, user, new GetTodayQuery(data.Today), ct);
        return result.IsSuccess
            ? result.Value
            : throw new BenchFailure($"today-flags: the Today list failed: {result.Error.Kind}: {result.Error.Message}");
    }
}

internal sealed class TodayFlagsResult(IReadOnlyList<SqlStatement> script)
{
    public IReadOnlyList<SqlStatement> Script { get; } = script;

    public ReplayTimes Times { get; set; } = new();

    public int WarmupRounds => Times.WarmupRounds;

    public Samples Ours => Times.Ours;

    public Samples Floor => Times.Floor;

    public IReadOnlyList<(string Label, double MedianMs)> StepMedians => Times.StepMedians;
}
