using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Handouts.Illustrations;
using PtClinic.Application.Features.Plans;
using PtClinic.Domain.Common;
using PtClinic.Domain.Handouts;
using PtClinic.Domain.Plans;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// Turns a plan of care's home program into what its handout prints, and issues it: the one place
/// the issuing command, the preview, the day's batch and the demo clinic's seeding all go through.
/// </summary>
public static class HandoutBuilding
{
    /// <summary>The latest signed version of the episode's plan: the one a new handout prints.</summary>
    public static Task<PlanOfCare?> PlanInForceAsync(this IAppDbContext db, Guid episodeId, CancellationToken cancellationToken) =>
        db.PlansOfCare.AsNoTracking()
            .Where(p => p.EpisodeId == episodeId && p.Status == PlanStatus.Signed)
            .OrderByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>What the handout of this plan prints, as version <paramref name="number"/> issued on <paramref name="issuedOn"/>.</summary>
    public static async Task<Result<HandoutContent>> BuildAsync(
        this IAppDbContext db, PlanOfCare plan, int number, bool largePrint, DateOnly issuedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var home = plan.Content.HomeProgram.ToList();
        if (home.Count == 0)
        {
            return Error.Rule("This plan of care has no home program to print: add home exercises to the plan first.");
        }

        var clinic = await db.Clinics.AsNoTracking()
            .Select(c => new { c.Name, c.Address, c.Phone, c.PaperSize })
            .FirstAsync(cancellationToken);
        var logo = await db.ClinicLogos.AsNoTracking()
            .Select(l => new { l.Content, l.ContentType })
            .FirstOrDefaultAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking()
            .Where(p => p.Id == plan.PatientId)
            .Select(p => new { Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth })
            .FirstOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return Error.NotFound("Patient");
        }

        var catalog = await db.CatalogByCodeAsync(cancellationToken);
        // The clinic's own picture where an admin uploaded one, else the drawing made for the item.
        var illustrations = await db.ForClinicAsync([.. home.Select(i => i.InterventionCode).Distinct(StringComparer.Ordinal)], cancellationToken);
        var items = new List<HandoutItem>(home.Count);
        foreach (var item in home)
        {
            // A prescription names its catalog entry for good: retired entries stay in the catalog.
            var definition = catalog[item.InterventionCode].Definition;
            items.Add(new HandoutItem(
                definition.Code,
                definition.Name,
                item.Dose.Describe(),
                HandoutWording.Steps(definition.PatientWording),
                string.IsNullOrWhiteSpace(definition.Precautions) ? null : definition.Precautions,
                string.IsNullOrWhiteSpace(item.Notes) ? null : item.Notes,
                illustrations.GetValueOrDefault(definition.Code)));
        }

        return new HandoutContent(
            new HandoutClinic(clinic.Name, clinic.Address, clinic.Phone, logo is null ? null : Image(logo.Content, logo.ContentType)),
            new HandoutPatient(patient.Name, patient.DateOfBirth),
            plan.SignedBy?.Name ?? plan.LastEditedBy.Name,
            issuedOn,
            number,
            [.. plan.Content.Goals.Select(HandoutWording.Goal)],
            items,
            new HandoutSafety(HandoutWording.Warnings(clinic.Phone), HandoutWording.RedFlagSymptoms),
            clinic.PaperSize,
            largePrint);
    }

    /// <summary>
    /// Issues the episode's handout from the plan in force, unless the patient already holds that
    /// plan's handout in that print size: then that version is the answer, and nothing new is made.
    /// </summary>
    public static async Task<Result<HandoutIssued>> IssueAsync(
        this IAppDbContext db, IHandoutRenderer renderer, Guid episodeId, bool largePrint, StaffRef by, DateTimeOffset at, DateOnly issuedOn,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var plan = await db.PlanInForceAsync(episodeId, cancellationToken);
        if (plan is null)
        {
            return Error.Rule("Sign the plan of care first: a handout prints the signed plan's home program.");
        }

        var latest = await db.HandoutVersions.AsNoTracking()
            .Where(v => v.EpisodeId == episodeId)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.PlanId, v.LargePrint })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.PlanId == plan.Id && latest.LargePrint == largePrint)
        {
            return new HandoutIssued(latest.Id, latest.Number, IsNew: false);
        }

        var number = (latest?.Number ?? 0) + 1;
        var content = await db.BuildAsync(plan, number, largePrint, issuedOn, cancellationToken);
        if (!content.IsSuccess)
        {
            return content.Error;
        }

        var version = HandoutVersion.Issue(
            plan, number, largePrint, content.Value.Items.Count, HandoutSnapshot.Serialize(content.Value), renderer.Render(content.Value), by, at);
        db.HandoutVersions.Add(version);
        return new HandoutIssued(version.Id, version.Number, IsNew: true);
    }

    private static HandoutImage Image(byte[] content, string mediaType) =>
        new(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), mediaType, content);
}

/// <param name="IsNew">False when the patient already held this plan's handout: the existing version is the answer.</param>
public sealed record HandoutIssued(Guid VersionId, int Number, bool IsNew);
