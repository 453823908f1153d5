using Mediator.SourceGenerator.Parsing;
using Mediator.SourceGenerator.Symbols;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The parsing shortcuts that answer from syntax what Roslyn would answer by building every member of a type must give
/// Roslyn's answer, on every shape of declaration: they exist only to make a first run cheaper.
/// </summary>
public sealed class SymbolShortcutTests
{
    private const string Types = Sources.Usings + """
        namespace App;
        public class NoConstructor { }
        public class PublicParameterless { public PublicParameterless() { } }
        public class PrivateParameterless { private PrivateParameterless() { } }
        public class ProtectedInternalParameterless { protected internal ProtectedInternalParameterless() { } }
        public class OnlyWithParameters { public OnlyWithParameters(int x) { } }
        public class OptionalParameter { public OptionalParameter(int x = 0) { } }
        public class Both { public Both(int x) { } public Both() { } }
        public class StaticConstructorOnly { static StaticConstructorOnly() { } }
        public class Primary(int x) { public int X => x; }
        public class EmptyPrimary() { }
        public class PrimaryAndParameterless(int x) { public PrimaryAndParameterless() : this(1) { } public int X => x; }
        public record RecordWithParameters(int Id);
        public record EmptyRecordParameters();
        public record RecordWithoutParameters { public int Id { get; init; } }
        public record RecordWithPrivate { private RecordWithPrivate() { } }
        public sealed record DerivedRecord(int Id, string Name) : RecordWithParameters(Id);
        public partial class SplitA { }
        public partial class SplitA { private SplitA(int x) { } }
        public partial class SplitB { }
        public partial class SplitB { public SplitB() { } }
        public abstract class AbstractOne { }
        public static class StaticOne { }
        public sealed class Outer { public sealed class Nested { internal Nested() { } } }
        public class Generic<T> { }
        """;

    [Fact]
    public void Public_parameterless_constructors_from_syntax_match_the_symbols()
    {
        var compilation = GeneratorRun.CreateCompilation(new[] { Types });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var checkedTypes = 0;
        foreach (var type in AllTypes(compilation.Assembly.GlobalNamespace))
        {
            if (SourceConstructors.HasPublicParameterless(type) is { } fromSyntax)
            {
                checkedTypes++;
                var fromSymbols = type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
                Assert.True(fromSymbols == fromSyntax, $"{type.Name}: symbols say {fromSymbols}, syntax says {fromSyntax}");
            }
        }

        Assert.True(checkedTypes >= 20, $"only {checkedTypes} types were answered from syntax");
    }

    private const string Handlers = Sources.Usings + """
        namespace App;
        public sealed class Ping : IRequest<int> { }
        public sealed class Plain : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        public sealed class Explicit : IRequestHandler<Ping, int>
        {
            ValueTask<int> IRequestHandler<Ping, int>.Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        public sealed class Both : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            ValueTask<int> IRequestHandler<Ping, int>.Handle(Ping request, CancellationToken cancellationToken) => new(2);
        }
        public sealed class Overloaded : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            public ValueTask<int> Handle(object request, CancellationToken cancellationToken) => new(2);
        }
        public class Base : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        public sealed class Inherits : Base { }
        public sealed class Hides : Base { public new ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(2); }
        public sealed class Reimplements : Base, IRequestHandler<Ping, int>
        {
            public new ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(3);
        }
        public class ExplicitBase : IRequestHandler<Ping, int>
        {
            ValueTask<int> IRequestHandler<Ping, int>.Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        public sealed class OverExplicitBase : ExplicitBase
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(2);
        }
        public sealed class Internal : IRequestHandler<Ping, int>
        {
            internal ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            ValueTask<int> IRequestHandler<Ping, int>.Handle(Ping request, CancellationToken cancellationToken) => new(2);
        }
        public sealed class Void : IRequest { }
        public sealed class VoidHandler : IRequestHandler<Void>
        {
            public ValueTask Handle(Void request, CancellationToken cancellationToken) => default;
        }
        """;

    [Fact]
    public void Implicit_implementations_recognised_without_interface_mapping_match_it()
    {
        var compilation = GeneratorRun.CreateCompilation(new[] { Handlers });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var pairs = 0;
        foreach (var type in AllTypes(compilation.Assembly.GlobalNamespace).Where(t => t.TypeKind == TypeKind.Class))
        {
            foreach (var contract in type.AllInterfaces.Where(i => i.Name == "IRequestHandler"))
            {
                pairs++;
                var member = contract.GetMembers("Handle").FirstOrDefault();
                Assert.True(
                    SymbolFacts.ImplementsImplicitlySlow(type, member, "Handle") == SymbolFacts.ImplementsImplicitly(type, contract, "Handle"),
                    $"{type.Name}: the shortcut disagrees with interface mapping");
            }
        }

        Assert.Equal(12, pairs);
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in AllTypes(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in AllTypes(type))
                {
                    yield return nested;
                }
            }
        }
    }
}
