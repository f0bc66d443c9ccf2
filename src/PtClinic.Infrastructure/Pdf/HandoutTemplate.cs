using System.Globalization;
using PtClinic.Application.Features.Handouts;
using PtClinic.Domain.Clinics;
using SkiaSharp;

namespace PtClinic.Infrastructure.Pdf;

/// <summary>
/// The home exercise program handout as a description of its pages: the clinic's letterhead, who it
/// is for, the patient's goals, the safety box, one block per exercise (never split across pages), a
/// week chart to tick, and on every page the clinic's phone and "Page N of M".
/// </summary>
internal sealed class HandoutTemplate
{
    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Accent = new(0x1F, 0x4E, 0x79);
    private static readonly SKColor Muted = new(0x55, 0x5B, 0x62);
    private static readonly SKColor Hairline = new(0xC4, 0xCB, 0xD3);
    private static readonly SKColor SafetyInk = new(0x8A, 0x3B, 0x00);
    private static readonly SKColor SafetyBackground = new(0xFD, 0xF3, 0xE8);
    private static readonly SKColor SafetyBorder = new(0xD9, 0x82, 0x2B);
    private static readonly SKColor HeaderBackground = new(0xE8, 0xEE, 0xF4);
    private static readonly SKColor Stripe = new(0xF6, 0xF8, 0xFA);
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private readonly HandoutContent content;
    private readonly Func<HandoutImage?, Picture?> pictures;
    private readonly float scale;
    private readonly TextStyle body;
    private readonly TextStyle small;

    public HandoutTemplate(HandoutContent content, Func<HandoutImage?, Picture?> pictures)
    {
        this.content = content;
        this.pictures = pictures;
        // Large print: body text at 14 pt instead of 11, and everything else in proportion.
        scale = content.LargePrint ? 14f / 11f : 1;
        body = new TextStyle(11 * scale, Color: Ink, LineHeight: 1.35f);
        small = new TextStyle(8.5f * scale, Color: Muted);
    }

    public Section Section() => new(
        new PageSetup(content.Paper == PaperSize.UsLetter ? PageSetup.UsLetter : PageSetup.A4, Margin: 42, RunningHeader, Footer, Gap: 14),
        new Column(18 * scale, Letterhead(), AboutThisHandout(), Goals(), Safety(), Items(), WeekChart()));

    private string Issued => content.IssuedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private TextStyle Heading => new(14 * scale, Bold: true, Color: Accent);

    private Element Letterhead()
    {
        var clinic = content.Clinic;
        var lines = new Column(2 * scale,
            new Text(clinic.Name, new TextStyle(16 * scale, Bold: true, Color: Accent)),
            clinic.Address is { Length: > 0 } address ? new Text(address, small.Sized(9.5f * scale)) : null,
            clinic.Phone is { Length: > 0 } phone ? new Text("Phone " + phone, small.Sized(9.5f * scale)) : null);
        var logo = pictures(clinic.Logo);
        return new Column(10,
            logo is null ? lines : new Row(12, RowPart.Fixed(64, new Image(logo, 64, 56)), RowPart.Fill(lines)),
            new Rule(Accent, 1.5f));
    }

    private Element AboutThisHandout() => new Column(8 * scale,
        new Text("Your home exercise program", new TextStyle(21 * scale, Bold: true, Color: Ink, LineHeight: 1.2f)),
        new Row(18,
            RowPart.Fill(new Column(3, Detail("Patient", content.Patient.Name),
                Detail("Date of birth", content.Patient.DateOfBirth.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)))),
            RowPart.Fill(new Column(3, Detail("Therapist", content.TherapistName),
                Detail("Issued", $"{Issued}, version {content.Version.ToString(CultureInfo.InvariantCulture)}")))));

    private Text Detail(string label, string value) =>
        new([new Span(label + ": ", body.Colored(Muted)), new Span(value, body.InBold())]);

    private Element? Goals() => content.Goals.Count == 0
        ? null
        : new KeepTogether(new Column(5 * scale,
            new Text("Your goals", Heading),
            new Column(3 * scale, content.Goals.Select(Bullet))));

    private Element Safety()
    {
        var safety = content.Safety;
        var strong = body.InBold().Colored(SafetyInk);
        return new KeepTogether(new Box(
            new Column(5 * scale,
                new Text("Your safety", Heading.Colored(SafetyInk)),
                new Column(3 * scale, safety.Warnings.Select(Bullet)),
                safety.RedFlagSymptoms.Count == 0 ? null : new Spacer(2 * scale),
                safety.RedFlagSymptoms.Count == 0 ? null : new Text("Get medical help straight away if you have:", strong),
                new Column(3 * scale, safety.RedFlagSymptoms.Select(Bullet)),
                content.Clinic.Phone is { Length: > 0 } phone
                    ? new Text([new Span("Clinic phone: ", strong), new Span(phone, strong)])
                    : null),
            padding: 12, background: SafetyBackground, border: SafetyBorder, borderWidth: 1.25f, cornerRadius: 4));
    }

    private Element Bullet(string text) =>
        new Row(4 * scale, RowPart.Fixed(10 * scale, new Text("•", body)), RowPart.Fill(new Text(text, body)));

    private Element Items() => new Column(14 * scale,
        content.Items.Select((item, i) => Item(item, i == 0 ? new Text("Your exercises and self-care", Heading) : null)));

    /// <summary>
    /// One exercise, kept on one page: name, picture, dose, steps, precautions, the therapist's note
    /// (and the section's heading above the first, so it never ends a page alone).
    /// </summary>
    private Element Item(HandoutItem item, Element? heading)
    {
        var illustration = pictures(item.Illustration);
        var text = new Column(5 * scale,
            new Text(item.Name, new TextStyle(13 * scale, Bold: true, Color: Ink, LineHeight: 1.25f)),
            item.Dose.Length == 0 ? null : new Text(item.Dose, body.InBold().Colored(Accent)),
            new Column(3 * scale, item.Steps.Select((step, i) => new Row(4 * scale,
                RowPart.Fixed(16 * scale, new Text((i + 1).ToString(CultureInfo.InvariantCulture) + ".", body.InBold())),
                RowPart.Fill(new Text(step, body))))));
        var imageWidth = 118 * scale;
        return new KeepTogether(new Column(8 * scale,
            heading,
            new Rule(Hairline),
            illustration is null
                ? text
                : new Row(14, RowPart.Fixed(imageWidth, new Image(illustration, imageWidth, 100 * scale, TextAlign.Center)), RowPart.Fill(text)),
            item.Precautions is { Length: > 0 } precautions
                ? new Text([new Span("Take care: ", body.InBold().Colored(SafetyInk)), new Span(precautions, body)])
                : null,
            item.Note is { Length: > 0 } note
                ? new Box(new Text([new Span("From your therapist: ", body.InBold()), new Span(note, body)]), padding: 7 * scale, background: Stripe, border: Hairline, borderWidth: 0.75f, cornerRadius: 3)
                : null));
    }

    private Element? WeekChart()
    {
        if (content.Items.Count == 0)
        {
            return null;
        }

        var day = 34 * scale;
        var header = new TextStyle(9.5f * scale, Bold: true, Color: Ink);
        return new KeepTogether(new Column(6 * scale,
            new Text("Your week", Heading),
            new Text("Tick a box each day you do the exercise. Bring this sheet to your next visit.", body),
            new Text("Week starting: ____________________", body.Colored(Muted)),
            new Spacer(2 * scale),
            new Table(
                [new TableColumn(), .. Days.Select(_ => new TableColumn(day))],
                [new Text("Exercise", header), .. Days.Select(d => new Text(d, header, TextAlign.Center))],
                content.Items.Select(item => (IReadOnlyList<Element>)
                    [new Text(item.Name, body), .. Days.Select(_ => new TickBox(12 * scale, Muted))]).ToList(),
                new TableStyle(CellPadding: 5 * scale, Grid: Hairline, HeaderBackground: HeaderBackground, StripeBackground: Stripe))));
    }

    /// <summary>From page 2 on: whose handout this is, in case the pages get separated (no rule: the first block under it has one).</summary>
    private Element? RunningHeader(PageNumber page) => page.Number == 1
        ? null
        : new Row(12,
            RowPart.Fill(new Text($"Home exercise program for {content.Patient.Name}", small)),
            RowPart.Fill(new Text($"Issued {Issued}, version {content.Version.ToString(CultureInfo.InvariantCulture)}", small, TextAlign.Right)));

    private Element Footer(PageNumber page)
    {
        var clinic = content.Clinic.Phone is { Length: > 0 } phone
            ? $"{content.Clinic.Name} · Questions? Call {phone}"
            : content.Clinic.Name;
        return new Column(5,
            new Rule(Hairline),
            new Row(12,
                RowPart.Fill(new Text(clinic, small)),
                RowPart.Fixed(90 * scale, new Text(
                    string.Create(CultureInfo.InvariantCulture, $"Page {page.Number} of {page.Count}"), small, TextAlign.Right))));
    }
}
