using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Finds concrete request types declared in this compilation, so that a request without a handler is reported.</summary>
internal static class RequestDeclarationParser
{
    /// <summary>Cheap syntax test: only type declarations with a base list can implement <c>IRequest</c>.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
        => node is TypeDeclarationSyntax { BaseList: not null } and (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);

    public static RequestDeclaration? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol symbol
            || symbol.IsAbstract
            || symbol.IsStatic
            || SymbolFacts.IsOrIsNestedInGenericType(symbol))
        {
            return null;
        }

        var contract = symbol.AllInterfaces.FirstOrDefault(KnownTypes.IsRequest);
        if (contract is null)
        {
            return null;
        }

        var request = TypeRefFactory.Create(symbol).Erased.Display;
        var isVoid = symbol.AllInterfaces.Any(KnownTypes.IsVoidRequest);
        var handlerContract = isVoid
            ? $"IRequestHandler<{symbol.Name}>"
            : $"IRequestHandler<{symbol.Name}, {contract.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}>";
        var identifier = ((TypeDeclarationSyntax)context.Node).Identifier.GetLocation();
        var supertypes = new List<string>();
        for (var current = symbol.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            supertypes.Add(TypeRefFactory.Create(current).Erased.Display);
        }

        supertypes.AddRange(symbol.AllInterfaces.Select(i => TypeRefFactory.Create(i).Erased.Display));
        return new RequestDeclaration(request, handlerContract, LocationInfo.From(identifier), supertypes.ToEquatableArray());
    }
}
