using System.Text.RegularExpressions;

namespace PtClinic.UnitTests.Architecture;

/// <summary>
/// A user clones only this repository: the README and docs must stand alone, so every relative link
/// points at a file that exists inside it.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = FindRepositoryRoot();

    public static TheoryData<string> MarkdownFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in new[] { "README.md" }
                     .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Select(Relative))
                     .Concat(Directory.EnumerateFiles(Path.Combine(Root, "deploy"), "*.md").Select(Relative)))
        {
            files.Add(path);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Relative_links_point_at_files_inside_the_repository(string file)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, file))!;
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(Path.Combine(Root, file))))
        {
            var target = link.Groups["target"].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var resolved = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target)));
            if (!resolved.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                broken.Add($"{target} (outside the repository)");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target} (no such file)");
            }
        }

        broken.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PtClinic.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no PtClinic.sln above " + AppContext.BaseDirectory);
    }
}
