using System.Text;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;

namespace PtClinic.UnitTests.Domain.Clinics;

public sealed class LogoContentTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static ImageCheck Svg(string body) => LogoContent.Check(Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{body}</svg>"""));

    [Fact]
    public void PNG_and_JPEG_are_known_by_their_signature()
    {
        LogoContent.Check(Png).Format.ShouldBe(ImageFormat.Png);
        LogoContent.Check([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46]).Format.ShouldBe(ImageFormat.Jpeg);
    }

    [Fact]
    public void A_program_named_logo_png_is_not_an_image()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);

        LogoContent.Check(exe).Problem.ShouldBe(LogoContent.NotAnImage);
    }

    [Fact]
    public void A_plain_SVG_that_only_draws_is_accepted()
    {
        Svg("""<defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/><style>rect { fill: #0f6e6e; }</style>""")
            .Format.ShouldBe(ImageFormat.Svg);
    }

    [Theory]
    [InlineData("""<script>alert(1)</script>""", "<script>")]
    [InlineData("""<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>""", "<foreignObject>")]
    [InlineData("""<rect onload="alert(1)" width="1" height="1"/>""", "onload")]
    [InlineData("""<a href="javascript:alert(1)"><rect width="1" height="1"/></a>""", "outside the file")]
    [InlineData("""<image xlink:href="https://tracker.example/pixel.png"/>""", "outside the file")]
    [InlineData("""<rect style="fill: url(https://tracker.example/x)" width="1" height="1"/>""", "outside the file")]
    [InlineData("""<style>@import url(https://fonts.example/a.css);</style>""", "outside the file")]
    [InlineData("""<a href="#x"><set attributeName="href" to="https://evil.example"/></a>""", "outside the file")]
    public void An_SVG_that_runs_code_or_fetches_from_elsewhere_is_refused_saying_why(string body, string said)
    {
        var check = Svg(body);

        check.IsAccepted.ShouldBeFalse();
        check.Problem!.ShouldContain(said);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>""")]
    [InlineData("""<html><body>not an svg</body></html>""")]
    [InlineData("""<svg><rect width="1" height="1"/></svg>""")]
    [InlineData("""just some text""")]
    public void What_is_not_a_well_formed_SVG_document_is_not_an_image(string text)
    {
        LogoContent.Check(Encoding.UTF8.GetBytes(text)).Problem.ShouldBe(LogoContent.NotAnImage);
    }

    [Fact]
    public void Two_megabytes_are_allowed_and_one_byte_more_is_refused()
    {
        var atLimit = new byte[LogoContent.MaxBytes];
        Png.CopyTo(atLimit, 0);
        var overLimit = new byte[LogoContent.MaxBytes + 1];
        Png.CopyTo(overLimit, 0);

        LogoContent.Check(atLimit).Format.ShouldBe(ImageFormat.Png);
        LogoContent.Check(overLimit).Problem.ShouldBe("The logo must be at most 2 MB (2,048 KB); this file is 2,049 KB. Save it smaller and try again.");
    }

    [Fact]
    public void An_empty_file_is_asked_for_again()
    {
        LogoContent.Check([]).Problem.ShouldBe("Choose an image file for the logo.");
    }
}
