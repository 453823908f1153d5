using System.Reflection;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Everything that flows between incremental steps must compare by value and must not pin a compilation:
/// no ISymbol, Compilation, SyntaxNode, SyntaxTree, SemanticModel or Location anywhere inside (dotnet/runtime does the same check).
/// </summary>
public sealed class ModelPurityTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location),
    };

    public static TheoryData<Type> PipelineTypes()
    {
        var data = new TheoryData<Type>();
        var assembly = typeof(MediatorPlan).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace == typeof(MediatorPlan).Namespace && !t.IsGenericTypeDefinition && t.IsClass && !t.IsAbstract && !t.IsNested && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && t.Name is not "EquatableArray" and not "IsExternalInit"))
        {
            data.Add(type);
        }

        data.Add(typeof(HandlerDiscovery));
        data.Add(typeof(MiddlewareDiscovery));
        data.Add(typeof(MessageDeclaration));
        data.Add(typeof(CallSite));
        data.Add(typeof(DiagnosticInfo));
        data.Add(typeof(LocationInfo));
        return data;
    }

    [Theory]
    [MemberData(nameof(PipelineTypes))]
    public void Models_hold_no_Roslyn_objects(Type model)
    {
        var offenders = new List<string>();
        Walk(model, model.Name, new HashSet<Type>(), offenders);
        Assert.True(offenders.Count == 0, "Roslyn objects in the model: " + string.Join(", ", offenders));
    }

    [Theory]
    [MemberData(nameof(PipelineTypes))]
    public void Models_compare_by_value(Type model)
    {
        var equatable = typeof(IEquatable<>).MakeGenericType(model);
        Assert.True(equatable.IsAssignableFrom(model), $"{model.Name} does not implement IEquatable<{model.Name}>.");
    }

    [Fact]
    public void The_walk_finds_a_symbol_when_there_is_one()
    {
        var offenders = new List<string>();
        Walk(typeof(Leaky), nameof(Leaky), new HashSet<Type>(), offenders);
        Assert.Equal(new[] { "Leaky.Symbol (ISymbol)", "Leaky.Nested.Tree (SyntaxTree)" }, offenders);
    }

    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> offenders)
    {
        if (type.IsPrimitive || type == typeof(string) || type.IsEnum || !seen.Add(type))
        {
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var fieldType = field.FieldType;
            var name = path + "." + field.Name.Replace("<", string.Empty).Split('>')[0];
            if (Forbidden.FirstOrDefault(f => f.IsAssignableFrom(fieldType)) is { } bad)
            {
                offenders.Add($"{name} ({bad.Name})");
                continue;
            }

            foreach (var inner in Unwrap(fieldType))
            {
                Walk(inner, name, seen, offenders);
            }
        }
    }

    /// <summary>The type itself, or the element types of arrays and generic containers such as EquatableArray&lt;T&gt;.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.IsArray)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Append(type) : new[] { type };
    }

    private sealed record Leaky(ISymbol Symbol, Leaky.Inner Nested)
    {
        public sealed record Inner(SyntaxTree Tree);
    }
}
