using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mediator.SourceGenerator.Analyzers.Migration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.CodeFixes.Migration;

/// <summary>
/// MediatR runs pipeline behaviours in the order the container registered them (the first registered outermost);
/// here the order is declared on each class. This reads the registrations of <c>IPipelineBehavior&lt;,&gt;</c> in the
/// whole project, in file and source order (<c>AddTransient(typeof(IPipelineBehavior&lt;,&gt;), typeof(X&lt;,&gt;))</c>
/// or <c>AddTransient&lt;IPipelineBehavior&lt;A, B&gt;, X&gt;()</c>), so that a ported behaviour keeps its place as
/// <c>[Middleware(Order = n)]</c>: 10, 20, 30 in registration order (lower runs outermost, as MediatR's first).
/// </summary>
internal static class RegistrationOrder
{
    /// <summary>The Order for <paramref name="behavior"/>, or null when fewer than two of the app's behaviours are registered (nothing to keep).</summary>
    public static int? OrderOf(INamedTypeSymbol behavior, Compilation compilation, CancellationToken cancellationToken)
    {
        var registered = new List<INamedTypeSymbol>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (Implementation(invocation, model, cancellationToken) is { } type
                    && !MediatRApi.IsMediatRType(type)
                    && !registered.Contains(type, SymbolEqualityComparer.Default))
                {
                    registered.Add(type);
                }
            }
        }

        var index = registered.FindIndex(t => SymbolEqualityComparer.Default.Equals(t, behavior.OriginalDefinition));
        return registered.Count >= 2 && index >= 0 ? (index + 1) * 10 : null;
    }

    /// <summary>The implementation type a registration of MediatR's <c>IPipelineBehavior</c> names, or null.</summary>
    private static INamedTypeSymbol? Implementation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name: var name } || !name.Identifier.ValueText.StartsWith("Add", System.StringComparison.Ordinal))
        {
            return null;
        }

        IReadOnlyList<TypeSyntax> types = name is GenericNameSyntax generic
            ? generic.TypeArgumentList.Arguments
            : invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<TypeOfExpressionSyntax>().Select(t => t.Type).ToList();
        if (types.Count != 2
            || model.GetTypeInfo(types[0], cancellationToken).Type is not INamedTypeSymbol service
            || MediatRApi.ContractOf(service.OriginalDefinition) != MediatRContract.PipelineBehavior)
        {
            return null;
        }

        return (model.GetTypeInfo(types[1], cancellationToken).Type as INamedTypeSymbol)?.OriginalDefinition;
    }
}
