using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// The calls MED0033 treats as blocking, each with what to write instead. The list is deliberately short: only calls
/// that always block and have an asynchronous replacement (docs/diagnostics/MED0033.md lists them).
/// </summary>
internal static class BlockingCalls
{
    /// <summary>The kinds the code fix can rewrite as <c>await</c>.</summary>
    public const string AwaitableKind = "Awaitable";

    private static readonly HashSet<string> s_fileMethods = new()
    {
        "ReadAllText", "ReadAllLines", "ReadAllBytes", "ReadLines",
        "WriteAllText", "WriteAllLines", "WriteAllBytes",
        "AppendAllText", "AppendAllLines",
    };

    private static readonly HashSet<string> s_streamMethods = new() { "Read", "Write", "CopyTo", "Flush" };

    /// <summary>What to do instead of reading <paramref name="property"/>, or null when it does not block.</summary>
    public static Advice? ForProperty(IPropertySymbol property)
        => property.Name == "Result" && IsTaskType(property.ContainingType.OriginalDefinition, arity: 1)
            ? new Advice("await the task instead of reading .Result", AwaitableKind)
            : null;

    /// <summary>What to do instead of calling <paramref name="method"/> on <paramref name="receiver"/>, or null when it does not block.</summary>
    public static Advice? ForMethod(IMethodSymbol method, ITypeSymbol? receiver)
    {
        var type = method.ContainingType.OriginalDefinition;
        switch (method.Name)
        {
            case "Wait" when IsTaskType(type, arity: 0) && !method.IsStatic:
                return new Advice("await the task instead of calling Wait()", "Wait");
            case "WaitAll" or "WaitAny" when IsTaskType(type, arity: 0):
                return new Advice($"await Task.When{method.Name.Substring(4)}(...) instead", "Wait");
            case "GetResult" when IsAwaiter(type):
                return new Advice("await the task instead of calling GetAwaiter().GetResult()", AwaitableKind);
            case "Sleep" when IsIn(type, "Thread", "System", "Threading"):
                return new Advice("use await Task.Delay(...) instead", "Sleep");
        }

        if (method.IsStatic && IsIn(type, "File", "System", "IO") && s_fileMethods.Contains(method.Name))
        {
            return new Advice($"use File.{method.Name}Async instead", "FileIO");
        }

        if (!method.IsStatic && s_streamMethods.Contains(method.Name) && DerivesFromFileStream(receiver))
        {
            return new Advice($"use {method.Name}Async instead", "FileIO");
        }

        return null;
    }

    private static bool IsTaskType(INamedTypeSymbol type, int arity)
        => type.Arity == arity && (IsIn(type, "Task", "System", "Threading", "Tasks") || IsIn(type, "ValueTask", "System", "Threading", "Tasks"));

    /// <summary>TaskAwaiter, ValueTaskAwaiter, and the configured awaiters nested in ConfiguredTaskAwaitable and friends.</summary>
    private static bool IsAwaiter(INamedTypeSymbol type)
    {
        var outermost = type;
        while (outermost.ContainingType is { } container)
        {
            outermost = container;
        }

        return type.Name.EndsWith("Awaiter", System.StringComparison.Ordinal)
            && IsIn(outermost, outermost.Name, "System", "Runtime", "CompilerServices");
    }

    private static bool DerivesFromFileStream(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is INamedTypeSymbol named && IsIn(named, "FileStream", "System", "IO"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type has this name and sits directly in this namespace (outermost part first).</summary>
    private static bool IsIn(INamedTypeSymbol type, string name, params string[] namespaceParts)
    {
        if (type.Name != name)
        {
            return false;
        }

        var ns = type.ContainingNamespace;
        for (var i = namespaceParts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != namespaceParts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    /// <summary>The message's advice, and a kind the code fix reads.</summary>
    public sealed class Advice
    {
        public Advice(string text, string kind)
        {
            Text = text;
            Kind = kind;
        }

        public string Text { get; }

        public string Kind { get; }
    }
}
