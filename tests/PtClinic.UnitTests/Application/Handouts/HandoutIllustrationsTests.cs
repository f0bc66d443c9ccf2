using System.Security.Cryptography;
using System.Text;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Handouts.Illustrations;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
using PtClinic.Domain.Treatment;
using SkiaSharp;
using Svg.Skia;

namespace PtClinic.UnitTests.Application.Handouts;

public sealed class HandoutIllustrationsTests
{
    private static readonly string[] HomeProgramCodes = InterventionCatalog.All
        .Where(i => i.Performer is Performer.Home or Performer.Both)
        .Select(i => i.Code)
        .ToArray();

    public static TheoryData<string> Codes() => new(HomeProgramCodes);

    private static ImageCheck SvgUpload(string body) => HandoutIllustrations.CheckUpload(Encoding.UTF8.GetBytes(
        $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{body}</svg>"""));

    [Fact]
    public void Every_exercise_and_self_care_item_of_the_catalog_has_a_built_in_illustration()
    {
        HomeProgramCodes.ShouldNotBeEmpty();
        HomeProgramCodes.Where(code => HandoutIllustrations.Default(code) is null)
            .ShouldBeEmpty("these home-program items have no illustration");
    }

    [Fact]
    public void No_built_in_illustration_is_left_over_without_its_catalog_item()
    {
        HandoutIllustrations.Codes.Except(HomeProgramCodes).ShouldBeEmpty("these illustrations belong to no home-program item");
    }

    [Fact]
    public void What_only_the_clinician_does_or_a_clinics_own_exercise_has_no_built_in_illustration()
    {
        HandoutIllustrations.Default(InterventionCatalog.DryNeedling).ShouldBeNull();
        HandoutIllustrations.Default("our-own-wall-squat").ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_built_in_illustration_is_one_SVG_named_by_its_hash_and_given_out_the_same_every_time(string code)
    {
        var image = HandoutIllustrations.Default(code)!;

        image.MediaType.ShouldBe("image/svg+xml");
        image.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(image.Data)));
        HandoutIllustrations.Default(code).ShouldBeSameAs(image);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_illustration_passes_the_check_an_uploaded_one_must_pass(string code)
    {
        var data = HandoutIllustrations.Default(code)!.Data;

        HandoutIllustrations.CheckUpload(data).Format.ShouldBe(ImageFormat.Svg);
        LogoContent.Check(data).Format.ShouldBe(ImageFormat.Svg);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_illustration_is_a_small_drawing_without_words_or_anything_outside_it(string code)
    {
        var svg = Encoding.UTF8.GetString(HandoutIllustrations.Default(code)!.Data);

        // The handout prints the words; a picture of text would need fonts the PDF does not embed.
        svg.ShouldNotContain("<text");
        svg.ShouldNotContain("href");
        svg.ShouldNotContain("filter");
        svg.ShouldNotContain("<image");
        svg.Length.ShouldBeLessThan(16 * 1024);
        svg.ShouldContain("""viewBox="0 0 240 160" """.TrimEnd());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_illustration_parses_and_draws_inside_its_frame(string code)
    {
        using var svg = new SKSvg();
        using var stream = new MemoryStream(HandoutIllustrations.Default(code)!.Data);

        var picture = svg.Load(stream);

        picture.ShouldNotBeNull();
        picture.CullRect.Width.ShouldBe(240);
        picture.CullRect.Height.ShouldBe(160);
        using var bitmap = new SKBitmap(240, 160);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawPicture(picture);
        }

        var inked = 0;
        var inkedAtTheEdge = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y) != SKColors.White)
                {
                    inked++;
                    inkedAtTheEdge += x is 0 or 239 || y is 0 or 159 ? 1 : 0;
                }
            }
        }

        inked.ShouldBeGreaterThan(2000, "a figure, not a blank frame");
        inkedAtTheEdge.ShouldBe(0, "nothing may be cut off by the frame");
    }

    [Fact]
    public void An_uploaded_PNG_becomes_the_image_the_handout_prints()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        var image = HandoutIllustrations.FromUpload(png);

        image.IsSuccess.ShouldBeTrue();
        image.Value.MediaType.ShouldBe("image/png");
        image.Value.Data.ShouldBe(png);
        image.Value.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(png)));
    }

    [Fact]
    public void An_upload_over_two_megabytes_is_refused_saying_how_large_it_is()
    {
        var png = new byte[ImageContent.MaxBytes + 1];
        png[0] = 0x89;
        "PNG\r\n\u001a\n"u8.CopyTo(png.AsSpan(1));

        var result = HandoutIllustrations.FromUpload(png);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.For(HandoutIllustrations.FieldName)
            .ShouldBe("The illustration must be at most 2 MB (2,048 KB); this file is 2,049 KB. Save it smaller and try again.");
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_refused_whatever_it_is_called()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);

        HandoutIllustrations.FromUpload(exe).Error!.For(HandoutIllustrations.FieldName)
            .ShouldBe("This file is not a PNG, JPEG or SVG image. Choose the illustration as one of those.");
        HandoutIllustrations.FromUpload([]).Error!.For(HandoutIllustrations.FieldName)
            .ShouldBe("Choose an image file for the illustration.");
    }

    [Theory]
    [InlineData("""<script>alert(1)</script>""",
        "The SVG illustration contains a <script> element, which could run code. Save the illustration without it.")]
    [InlineData("""<rect onload="alert(1)" width="1" height="1"/>""",
        "The SVG illustration has an event handler (onload), which could run code. Save the illustration without it.")]
    [InlineData("""<image xlink:href="https://tracker.example/pixel.png"/>""",
        "The SVG illustration refers to something outside the file (a link, an image or a style sheet). Save it with everything embedded.")]
    [InlineData("""<image href="file:///etc/passwd"/>""",
        "The SVG illustration refers to something outside the file (a link, an image or a style sheet). Save it with everything embedded.")]
    public void An_SVG_that_would_act_rather_than_draw_is_refused_saying_why(string body, string message)
    {
        var check = SvgUpload(body);

        check.IsAccepted.ShouldBeFalse();
        check.Problem.ShouldBe(message);
    }

    [Fact]
    public void The_logo_keeps_its_own_name_in_the_same_messages()
    {
        LogoContent.Check(Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>"""))
            .Problem.ShouldBe("The SVG logo contains a <script> element, which could run code. Save the logo without it.");
    }
}
