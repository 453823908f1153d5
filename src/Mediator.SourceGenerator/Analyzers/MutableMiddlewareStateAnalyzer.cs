using Mediator.SourceGenerator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// MED0032: a middleware is one instance shared by every message in flight, so an instance field or auto-property
/// that can be written after construction is a data race waiting to happen.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutableMiddlewareStateAnalyzer : MediatorAnalyzer
{
    /// <summary>Diagnostic property: "true" when the reported member is a field (the code fix only makes fields readonly).</summary>
    public const string IsFieldProperty = "IsField";

    /// <summary>Creates the analyzer.</summary>
    public MutableMiddlewareStateAnalyzer()
        : base(DiagnosticDescriptors.MiddlewareHasMutableState)
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
        if (!PipelineRoles.IsMiddlewareClass(type))
        {
            return;
        }

        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsStatic || field.IsConst || field.IsReadOnly)
            {
                continue;
            }

            // An auto-property's backing field is implicit and points at its property; an init-only one is readonly.
            var (member, kind) = field.IsImplicitlyDeclared
                ? (field.AssociatedSymbol as IPropertySymbol, "property")
                : ((ISymbol?)field, "field");
            if (member?.Locations.FirstOrDefault() is not { IsInSource: true } location)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MiddlewareHasMutableState,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(IsFieldProperty, member is IFieldSymbol ? "true" : "false"),
                DiagnosticText.Name(type),
                kind,
                member.Name));
        }
    }
}
