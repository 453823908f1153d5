using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The analyzers, the diagnostic table and the shared symbol helpers do not reach into Parsing/: the helpers both sides
/// need live in Symbols/, so that Parsing can change without the analyzers (and Symbols never depends on the stage that
/// uses it). Read from the source, so a doc comment's <c>cref</c> counts as a reach too.
/// </summary>
public sealed class StageFolderTests
{
    public static TheoryData<string> FoldersThatMustNotReachParsing() => new() { "Analyzers", "Diagnostics", "Symbols" };

    [Theory]
    [MemberData(nameof(FoldersThatMustNotReachParsing))]
    public void Folder_names_no_type_or_namespace_of_Parsing(string folder)
    {
        var parsingTypes = Files("Parsing")
            .SelectMany(file => Parse(file).GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Select(declaration => declaration.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(parsingTypes);

        var reaches = new List<string>();
        foreach (var file in Files(folder))
        {
            foreach (var name in Parse(file).GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<SimpleNameSyntax>())
            {
                if (parsingTypes.Contains(name.Identifier.ValueText) || name.Identifier.ValueText == "Parsing")
                {
                    var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    reaches.Add($"{folder}/{Path.GetFileName(file)}:{line} {name.Parent}");
                }
            }
        }

        Assert.Empty(reaches);
    }

    private static SyntaxTree Parse(string file)
        => CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose), path: file);

    private static string[] Files(string folder)
        => Directory.GetFiles(Path.Combine(GeneratorSource(), folder), "*.cs", SearchOption.AllDirectories);

    private static string GeneratorSource([CallerFilePath] string path = "")
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Mediator.sln")))
            {
                return Path.Combine(directory, "src", "Mediator.SourceGenerator");
            }
        }

        throw new InvalidOperationException("Mediator.sln not found above " + path);
    }
}
