using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// MED0034: a concrete class implements a handler or middleware contract but lacks the attribute. The generator finds
/// handlers and middleware only through <c>[Handler]</c> and <c>[Middleware]</c>, so such a class is silently never
/// called (for a request, MED0001 then says the request has no handler, without saying why).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingAttributeAnalyzer : MediatorAnalyzer
{
    /// <summary>Diagnostic property: the attribute to add, without the Attribute suffix.</summary>
    public const string AttributeProperty = "Attribute";

    private static readonly SymbolDisplayFormat s_contractFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;

    /// <summary>Creates the analyzer.</summary>
    public MissingAttributeAnalyzer()
        : base(DiagnosticDescriptors.ContractWithoutAttribute)
    {
    }

    /// <inheritdoc />
    private protected override void Register(AnalysisContext context)
    {
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.Locations.FirstOrDefault() is not { } location)
        {
            return;
        }

        // Generic handlers are not supported (MED0005): adding [Handler] would only trade this warning for an error.
        var handlerContract = SymbolFacts.IsOrIsNestedInGenericType(type) ? null : type.AllInterfaces.FirstOrDefault(PipelineRoles.IsHandlerContract);
        Check(context, type, location, handlerContract, PipelineRoles.Handler);
        Check(context, type, location, type.AllInterfaces.FirstOrDefault(PipelineRoles.IsMiddlewareContract), PipelineRoles.Middleware);
    }

    private static void Check(SymbolAnalysisContext context, INamedTypeSymbol type, Location location, INamedTypeSymbol? contract, string attribute)
    {
        // A subclass of a marked class is a deliberate variant (a test double, say); marking it would add a second handler.
        if (contract is null || SelfAndBases(type).Any(t => PipelineRoles.HasAttribute(t, attribute)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ContractWithoutAttribute,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(AttributeProperty, attribute),
            DiagnosticText.Name(type),
            contract.ToDisplayString(s_contractFormat),
            attribute));
    }

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> SelfAndBases(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }
}
