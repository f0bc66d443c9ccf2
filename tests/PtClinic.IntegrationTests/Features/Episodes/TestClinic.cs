using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Identity;
using PtClinic.Web;

namespace PtClinic.IntegrationTests.Features.Episodes;

/// <summary>
/// A clinic with real staff accounts (the staff directory checks who is a therapist, so made-up user
/// ids will not do), one patient, and shortcuts for the steps most tests only need as a given.
/// </summary>
public sealed class TestClinic
{
    private readonly AppFixture _app;

    private TestClinic(AppFixture app, Guid id)
    {
        _app = app;
        Id = id;
    }

    public Guid Id { get; }

    public ClaimsPrincipal Desk { get; private set; } = default!;

    /// <summary>The responsible therapist of the episodes and visits made here, unless told otherwise.</summary>
    public ClaimsPrincipal Therapist { get; private set; } = default!;

    public ClaimsPrincipal OtherTherapist { get; private set; } = default!;

    public ClaimsPrincipal Manager { get; private set; } = default!;

    public Guid PatientId { get; private set; }

    public static async Task<TestClinic> CreateAsync(AppFixture app, string name = "Northside Physio", string timeZone = "Europe/London")
    {
        var clinic = Clinic.Open(Guid.CreateVersion7(), name, timeZone, DateTimeOffset.UtcNow);
        await using (var db = app.Database.CreateContext())
        {
            var existingRoles = await db.Roles.Select(r => r.Name).ToListAsync();
            foreach (var role in StaffRoles.All.Where(r => !existingRoles.Contains(r)))
            {
                db.Roles.Add(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7(), NormalizedName = role.ToUpperInvariant() });
            }

            db.Clinics.Add(clinic);
            await db.SaveChangesAsync();
        }

        var created = new TestClinic(app, clinic.Id);
        created.Desk = await created.AddStaffAsync("Priya Nair", StaffRoles.FrontDesk);
        created.Therapist = await created.AddStaffAsync("Maya Lindqvist", StaffRoles.Therapist);
        created.OtherTherapist = await created.AddStaffAsync("Jonas Berg", StaffRoles.Therapist);
        created.Manager = await created.AddStaffAsync("Tomás Herrera", StaffRoles.ClinicManager);
        created.PatientId = (await app.SendAsync(created.Desk,
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female))).Ok();
        return created;
    }

    public static Guid IdOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>
    /// A staff member of this clinic with their sign-in account, signed in: the principal carries
    /// the claims sign-in would. The staff member holds the first role.
    /// </summary>
    public async Task<ClaimsPrincipal> AddStaffAsync(string fullName, params string[] roles)
    {
        await using var db = _app.Database.CreateContext();
        var email = $"{Guid.NewGuid():N}@test.ptclinic.org";
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            FullName = fullName,
            ClinicId = Id,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        foreach (var role in roles)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        }

        db.StaffMembers.Add(StaffMember.Join(
            user.Id, Id, fullName, email, roles.FirstOrDefault() ?? StaffRoles.FrontDesk, null, null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClinicClaimTypes.ClinicId, Id.ToString()),
            new(ClinicClaimTypes.FullName, fullName),
        ];
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
    }

    public async Task<Guid> OpenEpisodeAsync(Guid? patientId = null, ClaimsPrincipal? therapist = null) =>
        (await _app.SendAsync(Desk, new OpenEpisodeCommand(
            patientId ?? PatientId, "Knot in the left hamstring", BodyRegion.PosteriorThigh, BodySide.Left,
            null, "GP", IdOf(therapist ?? Therapist)))).Ok();

    public async Task<Guid> ScheduleVisitAsync(Guid episodeId, DateTimeOffset? startsAt = null, ClaimsPrincipal? therapist = null) =>
        (await _app.SendAsync(Desk, new ScheduleVisitCommand(
            episodeId, IdOf(therapist ?? Therapist), startsAt ?? DateTimeOffset.UtcNow.AddMinutes(-5), 45, VisitType.FollowUp))).Ok();

    /// <summary>An episode with one visit, checked in and ready to chart.</summary>
    public async Task<(Guid EpisodeId, Guid VisitId)> CheckedInVisitAsync(ClaimsPrincipal? therapist = null, DateTimeOffset? startsAt = null)
    {
        var episodeId = await OpenEpisodeAsync(therapist: therapist);
        var visitId = await ScheduleVisitAsync(episodeId, startsAt, therapist);
        (await _app.SendAsync(Desk, new CheckInVisitCommand(visitId))).Ok();
        return (episodeId, visitId);
    }

    /// <summary>A checked-in visit whose note the therapist wrote and signed.</summary>
    public async Task<(Guid EpisodeId, Guid VisitId)> SignedVisitAsync(DateTimeOffset? startsAt = null)
    {
        var (episodeId, visitId) = await CheckedInVisitAsync(startsAt: startsAt);
        var saved = (await _app.SendAsync(Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the left knee", null, null, null))).Ok();
        (await _app.SendAsync(Therapist, new SignVisitNoteCommand(visitId, saved.Version))).Ok();
        return (episodeId, visitId);
    }

    public async Task<EpisodeDto> EpisodeAsync(Guid episodeId) =>
        (await _app.SendAsync(Desk, new GetEpisodeQuery(episodeId))).Ok();

    public async Task<VisitNoteDto> NoteAsync(Guid visitId, ClaimsPrincipal? user = null) =>
        (await _app.SendAsync(user ?? Therapist, new GetVisitNoteQuery(visitId))).Ok();
}

public static class ResultAssertions
{
    public static T Ok<T>(this Result<T> result)
    {
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    public static void Ok(this Result result) => result.IsSuccess.ShouldBeTrue(result.Error?.Message);

    public static Error Failed(this IResult result, ErrorKind kind)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(kind, result.Error.Message);
        return result.Error;
    }
}

/// <summary>
/// The application's services as the fixture builds them, but with the clock stopped at a chosen
/// instant, for rules about "today". Same database as the fixture.
/// </summary>
public sealed class StoppedClockApp(AppFixture app, DateTimeOffset now) : IAsyncDisposable
{
    private readonly ServiceProvider _services = Build(app, now);

    public async Task<TResponse> SendAsync<TResponse>(ClaimsPrincipal user, IQuery<TResponse> query)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = user;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, Xunit.TestContext.Current.CancellationToken);
    }

    public async Task<TResponse> SendAsync<TResponse>(ClaimsPrincipal user, ICommand<TResponse> command)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = user;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, Xunit.TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static ServiceProvider Build(AppFixture app, DateTimeOffset now)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPtClinicCore(new InfrastructureOptions(app.Database.ConnectionString, RunJobServer: false));
        services.AddSingleton<TimeProvider>(new StoppedClock(now));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
