using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Tests.Fuzzing;

/// <summary>One seed program with one file changed by one to three token edits.</summary>
/// <param name="Seed">The program it came from.</param>
/// <param name="Index">Its number: (seed, index) makes the same mutant again.</param>
/// <param name="Original">The file that was changed, as the seed has it.</param>
/// <param name="Text">The changed file.</param>
/// <param name="Edits">What changed, for the failure message ("delete 'sealed' at 12:19").</param>
internal sealed record Mutant(Seed Seed, int Index, SyntaxTree Original, string Text, string Edits)
{
    /// <summary>How to run this mutant alone: <c>MEDIATOR_FUZZ_ONLY=&lt;this&gt;</c>.</summary>
    public string Id => Seed.Name + ":" + Index;
}

/// <summary>
/// Makes mutants of a seed from the tokens Roslyn's lexer finds in it: deletions, duplications and swaps (of a token with
/// one of the next three, or now and then with any token of the file). Three edits in four fall on declarations
/// (attributes, modifiers, names, base lists, constraints, parameters), the part the generator reads; the rest fall
/// anywhere, method bodies included. Each mutant is a pure function of the seed's name and its index.
/// </summary>
internal sealed class TokenMutator
{
    private readonly Seed _seed;
    private readonly IReadOnlyList<FileTokens> _files;

    public TokenMutator(Seed seed)
    {
        _seed = seed;
        _files = seed.FuzzCompilation.SyntaxTrees.Select(t => new FileTokens(t)).ToList();
    }

    public Mutant Create(int index)
    {
        var random = new Random(unchecked((int)(StableHash(_seed.Name) ^ (uint)(index * 2654435761))));
        var file = _files[random.Next(_files.Count)];
        var texts = file.Tokens.Select(t => t.Token.Text).ToArray();
        var edits = new List<string>();
        var count = 1 + (random.Next(100) < 30 ? 1 : 0) + (random.Next(100) < 10 ? 1 : 0);
        for (var e = 0; e < count; e++)
        {
            var i = file.Pick(random);
            switch (random.Next(3))
            {
                case 0:
                    edits.Add($"delete {file.Describe(i)}");
                    texts[i] = string.Empty;
                    break;
                case 1:
                    edits.Add($"duplicate {file.Describe(i)}");
                    texts[i] = texts[i] + " " + texts[i];
                    break;
                default:
                    var j = random.Next(5) == 0 ? random.Next(texts.Length) : Math.Min(texts.Length - 1, i + 1 + random.Next(3));
                    edits.Add($"swap {file.Describe(i)} with {file.Describe(j)}");
                    (texts[i], texts[j]) = (texts[j], texts[i]);
                    break;
            }
        }

        return new Mutant(_seed, index, file.Tree, file.Render(texts), string.Join("; ", edits));
    }

    /// <summary>FNV-1a: string.GetHashCode differs from run to run.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private sealed class FileTokens
    {
        private readonly string _text;
        private readonly int[] _declarationTokens;

        public FileTokens(SyntaxTree tree)
        {
            Tree = tree;
            _text = tree.GetText().ToString();
            Tokens = tree.GetRoot().DescendantTokens()
                .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0)
                .Select(t => (t, IsInBody(t)))
                .ToList();
            _declarationTokens = Enumerable.Range(0, Tokens.Count).Where(i => !Tokens[i].InBody).ToArray();
        }

        public SyntaxTree Tree { get; }

        public IReadOnlyList<(SyntaxToken Token, bool InBody)> Tokens { get; }

        public int Pick(Random random)
            => random.Next(4) == 0 || _declarationTokens.Length == 0
                ? random.Next(Tokens.Count)
                : _declarationTokens[random.Next(_declarationTokens.Length)];

        public string Describe(int index)
        {
            var token = Tokens[index].Token;
            var position = token.GetLocation().GetLineSpan().StartLinePosition;
            return $"'{token.Text}' at {position.Line + 1}:{position.Character + 1}";
        }

        /// <summary>The file with each token's text replaced, trivia (spaces, comments, directives) kept.</summary>
        public string Render(string[] texts)
        {
            var text = new StringBuilder(_text.Length + 64);
            var at = 0;
            for (var i = 0; i < Tokens.Count; i++)
            {
                var span = Tokens[i].Token.Span;
                text.Append(_text, at, span.Start - at).Append(texts[i]);
                at = span.End;
            }

            return text.Append(_text, at, _text.Length - at).ToString();
        }

        /// <summary>Inside a method or accessor body, an expression body or a field or property initializer.</summary>
        private static bool IsInBody(SyntaxToken token)
            => token.Parent!.AncestorsAndSelf().Any(n => n is BlockSyntax or ArrowExpressionClauseSyntax
                || (n is EqualsValueClauseSyntax && n.Parent is VariableDeclaratorSyntax or PropertyDeclarationSyntax));
    }
}
