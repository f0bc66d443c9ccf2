using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PtClinic.Tests.Shared;

/// <summary>Reads a PDF as a person's tools do: poppler's pdftotext, pdfinfo and pdffonts.</summary>
public static partial class Poppler
{
    /// <summary>The text of the whole document, or of one page (from 1), whitespace collapsed to single spaces.</summary>
    public static string Text(byte[] pdf, int? page = null) =>
        Flat(Run("pdftotext", pdf, page is { } p ? $"-f {p} -l {p}" : "", "-"));

    public static string Info(byte[] pdf) => Run("pdfinfo", pdf);

    public static string FontList(byte[] pdf) => Run("pdffonts", pdf);

    public static int Pages(byte[] pdf) =>
        int.Parse(PagesLine().Match(Info(pdf)).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Text as it should read once extracted: each run of whitespace one space.</summary>
    public static string Flat(string text) => Whitespace().Replace(text, " ").Trim();

    private static string Run(string tool, byte[] pdf, string options = "", string output = "")
    {
        var file = Path.Combine(Path.GetTempPath(), $"ptclinic-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, $"{options} {file} {output}".Trim())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"{tool} did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"{tool}: {stderr}");
            return stdout.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
