using System.Runtime.CompilerServices;
using Mediator.SourceGenerator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>Every diagnostic has a docs page, a row in the index and a release-tracking line that agree with its descriptor.</summary>
public sealed class DiagnosticCatalogueTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Has_a_docs_page_that_the_help_link_points_to(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        var page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");

        Assert.True(File.Exists(page), $"Missing {page}");
        Assert.StartsWith("# " + id, File.ReadAllText(page));
        Assert.EndsWith("docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        Assert.Contains($"({id}.md)", File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics", "README.md")));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Is_tracked_with_its_severity_and_category(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        var tracking = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "Mediator.SourceGenerator", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "Mediator.SourceGenerator", "AnalyzerReleases.Shipped.md")));

        var line = Assert.Single(tracking, l => l.StartsWith(id + " ", StringComparison.Ordinal));
        var cells = line.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    /// <summary>
    /// IDs are allocated in blocks (the generator's rules, the analyzers from MED0030), so gaps are allowed; the table
    /// lists them in ID order so that the README and release tracking read the same way.
    /// </summary>
    [Fact]
    public void Ids_are_unique_well_formed_and_in_order()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.All(ids, id => Assert.Matches("^MED[0-9]{4}$", id));
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
        Assert.All(DiagnosticDescriptors.All, d => Assert.True(d.IsEnabledByDefault));
    }

    private static string RepositoryRoot([CallerFilePath] string path = "")
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Mediator.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Mediator.sln not found above " + path);
    }
}
