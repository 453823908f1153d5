using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Mediator.SourceGenerator.Checks;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// One home per rule: every rule the runtime's middleware declares with an ID has an entry in the generator's rule table
/// that agrees on kind, severity and reason, and no rule text is written twice in src/.
/// </summary>
public sealed class BuiltInRuleTableTests
{
    /// <summary>Every [MustRunInside]/[MustRunOutside] on a type of Mediator.Runtime, as the compiler wrote it into metadata.</summary>
    public static TheoryData<string, string> RuntimeRules()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, attribute) in RuntimeAttributes())
        {
            data.Add(type.Name, attribute.GetType().Name + "(" + Target(attribute) + ")");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuntimeRules))]
    public void A_rule_of_the_runtime_has_an_entry_that_agrees_on_kind_severity_and_reason(string type, string rule)
    {
        var attribute = RuntimeAttributes().Single(a => a.Type.Name == type && a.Attribute.GetType().Name + "(" + Target(a.Attribute) + ")" == rule).Attribute;
        var (kind, severity, reason, id) = Read(attribute);

        Assert.False(id is null, type + ": " + rule + " names no RuleId, so it is reported under the general MED0019/MED0020 instead of a rule of its own");
        var entry = OrderingRuleTable.All.SingleOrDefault(r => r.Id == id);
        Assert.True(entry is not null, type + ": " + rule + " names " + id + ", which the generator's rule table (Checks/OrderingRuleTable.cs) lacks");
        Assert.True(entry!.Kind == kind, type + ": " + rule + " is a " + kind + " rule; the table says " + id + " is " + entry.Kind);
        Assert.True(entry.IsError == (severity == RuleSeverity.Error), type + ": " + rule + " says " + severity + "; " + id + " is " + entry.Descriptor.DefaultSeverity);
        Assert.Equal(entry.Reason, reason);
    }

    [Fact]
    public void Every_rule_of_the_table_is_declared_by_a_built_in()
    {
        var declared = RuntimeAttributes().Select(a => Read(a.Attribute).Id).ToHashSet();

        Assert.NotEmpty(declared);
        Assert.All(OrderingRuleTable.All, rule => Assert.Contains(rule.Id, declared));
    }

    /// <summary>The rule IDs and reasons, and every descriptor's title and message, each appear once as a literal in src/.</summary>
    [Fact]
    public void No_rule_text_is_written_twice_in_src()
    {
        var texts = OrderingRuleTable.All.SelectMany(r => new[] { r.Id, r.Reason })
            .Concat(DiagnosticDescriptors.All.SelectMany(d => new[] { d.Title.ToString(), d.MessageFormat.ToString() }))
            .Distinct()
            .ToList();
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(f => (Path: Path.GetRelativePath(RepositoryRoot(), f), Text: File.ReadAllText(f)))
            .ToList();

        var twice = texts
            .Select(text => (Text: text, Places: sources.Sum(s => Count(s.Text, Literal(text))), Files: sources.Where(s => s.Text.Contains(Literal(text), StringComparison.Ordinal)).Select(s => s.Path)))
            .Where(t => t.Places != 1)
            .Select(t => t.Places + "x " + t.Text + " in " + string.Join(", ", t.Files))
            .ToList();

        Assert.True(twice.Count == 0, "Rule texts not written exactly once in src/:\n" + string.Join("\n", twice));
    }

    [Fact]
    public void The_scan_finds_a_text_written_twice()
    {
        var source = "var a = \"every attempt needs a fresh unit of work\"; var b = \"every attempt needs a fresh unit of work\";";

        Assert.Equal(2, Count(source, Literal("every attempt needs a fresh unit of work")));
        Assert.Equal(1, Count("Create(\"x\", \"say \\\"{1}\\\" once\")", Literal("say \"{1}\" once")));
    }

    private static IEnumerable<(Type Type, Attribute Attribute)> RuntimeAttributes()
        => typeof(Caching.CachingMiddleware<,>).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(inherit: false).OfType<Attribute>()
                .Where(a => a is MustRunInsideAttribute or MustRunOutsideAttribute)
                .Select(a => (t, a)));

    private static (ConstraintKind Kind, RuleSeverity Severity, string? Reason, string? Id) Read(Attribute attribute)
        => attribute switch
        {
            MustRunInsideAttribute inside => (ConstraintKind.MustRunInside, inside.Severity, inside.Reason, inside.RuleId),
            MustRunOutsideAttribute outside => (ConstraintKind.MustRunOutside, outside.Severity, outside.Reason, outside.RuleId),
            _ => throw new ArgumentException("not an ordering rule", nameof(attribute)),
        };

    private static string? Target(Attribute attribute)
        => attribute switch
        {
            MustRunInsideAttribute inside => inside.Concern ?? inside.Middleware?.Name,
            MustRunOutsideAttribute outside => outside.Concern ?? outside.Middleware?.Name,
            _ => null,
        };

    /// <summary>The text as a C# string literal spells it.</summary>
    private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static int Count(string source, string literal) => Regex.Matches(source, Regex.Escape(literal)).Count;

    private static string RepositoryRoot([CallerFilePath] string path = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
