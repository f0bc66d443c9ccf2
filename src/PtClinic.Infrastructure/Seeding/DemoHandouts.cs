using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Handouts;
using PtClinic.Domain.Common;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// Ellen's home program handouts: version 1 printed at her first visit from the plan signed then,
/// and version 2 at her second, after the plan was revised to add glute bridges. Issued through
/// the same path as the plan page's button, dated when each was given. Once: a clinic with any
/// handout, or whose plan for Ellen someone already revised, is left as it is.
/// </summary>
internal static class DemoHandouts
{
    public static async Task SeedEllensAsync(IServiceProvider services, StaffRef therapist, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.HandoutVersions.AnyAsync(ct))
        {
            return;
        }

        var episode = await db.Episodes
            .Where(e => db.Patients.Any(p => p.Id == e.PatientId && p.Mrn == DemoCharts.EllenMrn))
            .OrderBy(e => e.OpenedAt)
            .FirstOrDefaultAsync(ct);
        if (episode is null)
        {
            return;
        }

        var plans = await db.PlansOfCare.Where(p => p.EpisodeId == episode.Id).OrderBy(p => p.Number).ToListAsync(ct);
        var visits = await db.Visits.Where(v => v.EpisodeId == episode.Id).OrderBy(v => v.StartsAt).Select(v => v.StartsAt).ToListAsync(ct);
        if (plans is not [{ IsSigned: true, SignedAt: { } firstSigned } first] || visits.Count < 2)
        {
            return;
        }

        var app = services.GetRequiredService<IAppDbContext>();
        var renderer = services.GetRequiredService<IHandoutRenderer>();
        await IssueAsync(app, renderer, episode.Id, therapist, firstSigned.AddMinutes(5), ct);

        var revised = DemoPlans.ReviseEllensPlan(db, episode, first, therapist, visits[1].AddMinutes(50));
        await db.SaveChangesAsync(ct);
        await IssueAsync(app, renderer, episode.Id, therapist, revised.SignedAt!.Value.AddMinutes(5), ct);
    }

    private static async Task IssueAsync(IAppDbContext db, IHandoutRenderer renderer, Guid episodeId, StaffRef therapist, DateTimeOffset at, CancellationToken ct)
    {
        var issued = await db.IssueAsync(renderer, episodeId, largePrint: false, therapist, at, DemoClinic.Calendar.DateOf(at), ct);
        if (!issued.IsSuccess)
        {
            throw new InvalidOperationException($"The demo handout could not be issued: {issued.Error.Message}");
        }

        await db.SaveChangesAsync(ct);
    }
}
