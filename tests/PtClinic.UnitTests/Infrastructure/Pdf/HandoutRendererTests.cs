using PtClinic.Application.Features.Handouts;
using PtClinic.Domain.Clinics;
using PtClinic.Infrastructure.Pdf;
using PtClinic.Tests.Shared;

namespace PtClinic.UnitTests.Infrastructure.Pdf;

public sealed class HandoutRendererTests
{
    private static readonly HandoutRenderer Renderer = new();

    [Fact]
    public void A_handout_prints_the_patient_each_item_with_its_dose_the_safety_box_and_page_numbers()
    {
        var content = HandoutSamples.Program(items: 6);

        var pdf = Renderer.Render(content);

        var text = Poppler.Text(pdf);
        var pages = Poppler.Pages(pdf);
        text.ShouldContain("Patient: Ellen Marsh");
        text.ShouldContain("Date of birth: 12 March 1961");
        text.ShouldContain("Therapist: Sam Patel, PT");
        text.ShouldContain("Issued: 1 December 2026, version 2");
        text.ShouldContain("Lakeside Physiotherapy");
        text.ShouldContain(Poppler.Flat(content.Goals[0]));
        foreach (var item in content.Items)
        {
            text.ShouldContain($"{item.Name} {item.Dose}");
        }

        foreach (var line in content.Safety.Warnings.Concat(content.Safety.RedFlagSymptoms))
        {
            text.ShouldContain(line);
        }

        for (var page = 1; page <= pages; page++)
        {
            var onPage = Poppler.Text(pdf, page);
            onPage.ShouldContain($"Page {page} of {pages}");
            onPage.ShouldContain("Questions? Call 0117 496 0321");
        }
    }

    [Fact]
    public void A_long_program_flows_onto_more_pages_and_no_item_is_split_between_pages()
    {
        // Half without a picture: their steps are lines of their own, which a page could break between.
        var content = HandoutSamples.Program(items: 20, allIllustrated: false);

        var pdf = Renderer.Render(content);

        var pages = Poppler.Pages(pdf);
        pages.ShouldBeGreaterThan(1);
        var texts = Enumerable.Range(1, pages).Select(p => Poppler.Text(pdf, p)).ToList();
        foreach (var item in content.Items)
        {
            var firstStep = Poppler.Flat(item.Steps[0]);
            var onPages = texts.Select((t, i) => (Text: t, Page: i + 1)).Where(t => t.Text.Contains(firstStep, StringComparison.Ordinal)).ToList();
            onPages.Count.ShouldBe(1, $"{item.Name}: its first step is on pages {string.Join(", ", onPages.Select(p => p.Page))}");
            var page = onPages[0];
            page.Text.ShouldContain($"{item.Name} {item.Dose}", customMessage: $"{item.Name}: page {page.Page}");
            page.Text.ShouldContain(Poppler.Flat(item.Steps[^1]), customMessage: $"{item.Name}: page {page.Page}");
            page.Text.ShouldContain(Poppler.Flat(item.Precautions!), customMessage: $"{item.Name}: page {page.Page}");
        }

        texts[^1].ShouldContain($"Page {pages} of {pages}");
    }

    [Fact]
    public void Markup_the_therapist_typed_prints_as_the_characters_typed()
    {
        const string note = "<b>bold</b> <script>alert(1)</script> & \"quotes\"";

        var pdf = Renderer.Render(HandoutSamples.Program(items: 1, note: note));

        Poppler.Text(pdf).ShouldContain($"From your therapist: {note}");
    }

    [Fact]
    public void Large_print_sets_the_body_text_at_14_points_or_more()
    {
        var large = StepLetterSizes(HandoutSamples.Program(items: 3, largePrint: true));
        var normal = StepLetterSizes(HandoutSamples.Program(items: 3));

        large.Min().ShouldBeGreaterThanOrEqualTo(14);
        normal.Max().ShouldBeLessThan(14);
    }

    [Theory]
    // Skia writes the page box in whole points: A4 is 595.28 x 841.89, a fifth of a millimetre off.
    [InlineData(PaperSize.A4, "595 x 842 pts (A4)")]
    [InlineData(PaperSize.UsLetter, "612 x 792 pts (letter)")]
    public void Pages_are_the_clinics_paper_size(PaperSize paper, string pageSize)
    {
        var pdf = Renderer.Render(HandoutSamples.Program(items: 8, paper: paper));

        Poppler.Info(pdf).Split('\n').Single(l => l.StartsWith("Page size:", StringComparison.Ordinal))["Page size:".Length..].Trim()
            .ShouldBe(pageSize);
    }

    [Fact]
    public void A_batch_starts_each_handout_on_a_new_page_numbered_on_its_own()
    {
        var first = HandoutSamples.Program(items: 8, patient: "Ellen Marsh");
        var second = HandoutSamples.Program(items: 2, patient: "Omar Haddad");
        var firstPages = Poppler.Pages(Renderer.Render(first));
        var secondPages = Poppler.Pages(Renderer.Render(second));

        var pdf = Renderer.RenderAll([first, second]);

        Poppler.Pages(pdf).ShouldBe(firstPages + secondPages);
        var secondStarts = Poppler.Text(pdf, firstPages + 1);
        secondStarts.ShouldContain("Patient: Omar Haddad");
        secondStarts.ShouldContain($"Page 1 of {secondPages}");
        Poppler.Text(pdf, firstPages).ShouldContain($"Page {firstPages} of {firstPages}");
        Poppler.Text(pdf, firstPages).ShouldNotContain("Omar Haddad");
    }

    [Fact]
    public void The_fonts_are_embedded_so_the_handout_prints_the_same_everywhere()
    {
        var pdf = Renderer.Render(HandoutSamples.Program(items: 6));

        var fonts = Poppler.FontList(pdf).Split('\n').Where(l => l.Contains("Liberation", StringComparison.Ordinal)).ToList();
        fonts.Count.ShouldBe(2);
        fonts.ShouldAllBe(l => l.Contains(" yes ", StringComparison.Ordinal));
    }

    [Fact]
    public void Handouts_drawn_on_many_threads_at_once_come_out_as_when_drawn_alone()
    {
        var contents = Enumerable.Range(0, 4).Select(i => HandoutSamples.Program(items: 3 + i, patient: $"Patient {i}")).ToList();
        var alone = contents.Select(c => Poppler.Text(new HandoutRenderer().Render(c))).ToList();

        var together = new string[16];
        Parallel.For(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => together[i] = Poppler.Text(Renderer.Render(contents[i % contents.Count])));

        for (var i = 0; i < together.Length; i++)
        {
            together[i].ShouldBe(alone[i % contents.Count]);
        }
    }

    /// <summary>The size of every letter of the items' steps, as a PDF reader measures them.</summary>
    private static List<double> StepLetterSizes(HandoutContent content)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(Renderer.Render(content));
        var stepWords = content.Items.SelectMany(i => i.Steps).SelectMany(s => s.Split(' ')).Where(w => w.Length > 3).ToHashSet();
        var sizes = document.GetPages()
            .SelectMany(p => p.GetWords())
            .Where(w => stepWords.Contains(w.Text))
            .SelectMany(w => w.Letters.Select(l => l.PointSize))
            .ToList();
        sizes.Count.ShouldBeGreaterThan(50);
        return sizes;
    }
}
