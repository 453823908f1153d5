using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Mediator.SourceGenerator.Tests.Fuzzing;

/// <summary>
/// Seeded token deletions, duplications and swaps of the corpus programs (<see cref="TokenMutator"/>), each compiled
/// through the generator and the analyzers and checked by <see cref="GeneratorCheck"/>. A failure names its mutant as
/// <c>Seed:Index</c>; <c>MEDIATOR_FUZZ_ONLY=Seed:Index[,Seed:Index...]</c> runs just those and prints their text, and
/// <c>MEDIATOR_FUZZ_MUTANTS_PER_SEED=n</c> with <c>MEDIATOR_FUZZ_FIRST=i</c> runs mutants i to i+n-1 of each seed instead.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Mutants per seed: 2,040 over the 12 seeds, 80 to 86 s of processor time (47 to 52 s on two cores, alone).</summary>
    private const int MutantsPerSeed = 170;

    [Fact]
    public void Mutants_never_break_the_generator_or_add_errors()
    {
        var only = Environment.GetEnvironmentVariable("MEDIATOR_FUZZ_ONLY");
        var perSeed = int.TryParse(Environment.GetEnvironmentVariable("MEDIATOR_FUZZ_MUTANTS_PER_SEED"), out var n) ? n : MutantsPerSeed;
        var first = int.TryParse(Environment.GetEnvironmentVariable("MEDIATOR_FUZZ_FIRST"), out var f) ? f : 0;
        var work = only is { Length: > 0 }
            ? only.Split(',').Select(Parse).ToList()
            : Seed.All.SelectMany(s => Enumerable.Range(first, perSeed).Select(i => (Seed: s, Index: i))).ToList();
        var mutators = Seed.All.ToDictionary(s => s, s => new Lazy<TokenMutator>(() => new TokenMutator(s)));
        var failures = new ConcurrentBag<string>();
        var counts = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;

        // Sync-over-async inside (the analyzer driver): one dedicated thread per core, not the thread pool.
        var next = -1;
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < work.Count; i = Interlocked.Increment(ref next))
            {
                var mutant = mutators[work[i].Seed].Value.Create(work[i].Index);
                var failure = Check(mutant, counts, only is { Length: > 0 });
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        output.WriteLine(
            $"{work.Count} mutants in {clock.Elapsed.TotalSeconds:F1} s ({(Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds:F1} s of processor time on {Environment.ProcessorCount} cores); "
            + string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
        // Every failure in the test's output (the assertion's message shows the first 20): long exploratory runs find many.
        foreach (var failure in failures.OrderBy(f => f, StringComparer.Ordinal))
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {work.Count} mutants broke a rule (replay one with MEDIATOR_FUZZ_ONLY=<Seed:Index>):\n" + string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal).Take(20)));
    }

    private static string? Check(Mutant mutant, ConcurrentDictionary<string, int> counts, bool showText)
    {
        var tree = CSharpSyntaxTree.ParseText(mutant.Text, mutant.Seed.FuzzParseOptions, path: mutant.Original.FilePath);
        var compilation = mutant.Seed.FuzzCompilation.ReplaceSyntaxTree(mutant.Original, tree);
        var outcome = GeneratorCheck.Run(compilation, mutant.Seed.FuzzParseOptions);
        var problems = outcome.Problems.ToList();
        if (outcome.UserErrors.Count == 0 && problems.Count == 0)
        {
            // It compiles: again with the nullable analysis on, for warnings in generated code.
            var withNullable = mutant.Seed.Compilation.ReplaceSyntaxTree(
                mutant.Seed.Compilation.SyntaxTrees.Single(t => t.FilePath == mutant.Original.FilePath),
                CSharpSyntaxTree.ParseText(mutant.Text, mutant.Seed.ParseOptions, path: mutant.Original.FilePath));
            problems.AddRange(GeneratorCheck.Run(withNullable, mutant.Seed.ParseOptions).Problems);
        }

        counts.AddOrUpdate(outcome.UserErrors.Count == 0 ? "compile" : "do not compile", 1, (_, c) => c + 1);
        foreach (var id in outcome.GeneratorDiagnostics.Select(d => d.Id).Distinct())
        {
            counts.AddOrUpdate("with " + id, 1, (_, c) => c + 1);
        }

        if (problems.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder($"{mutant.Id} ({mutant.Edits} in {mutant.Original.FilePath}):");
        foreach (var problem in problems.Take(3))
        {
            text.Append("\n  ").Append(problem);
        }

        return showText ? text.Append("\n--- mutated file ---\n").Append(mutant.Text).ToString() : text.ToString();
    }

    private static (Seed Seed, int Index) Parse(string id)
    {
        var parts = id.Trim().Split(':');
        return (Seed.All.Single(s => s.Name == parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
