using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mediator.SourceGenerator.Analyzers.Migration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.CodeFixes.Migration;

/// <summary>
/// Plans the port of one class from its MediatR contracts: which base types are renamed, which methods change shape
/// (<see cref="MethodPort"/>), which references inside a pipeline behaviour change (<c>next()</c>, the token), and
/// which attribute the class gets.
/// </summary>
internal static class ClassPlanner
{
    /// <summary>
    /// The attribute a processor, exception handler or exception action gets. The processor contracts are ours by the
    /// same names (branch i19-processors); they are found like middleware, so they take <c>[Middleware]</c>.
    /// </summary>
    internal const string ProcessorAttribute = "Middleware";

    public static IEnumerable<(SyntaxNode Node, System.Func<SyntaxNode, SyntaxNode?> Rewrite, int Stage)> Plan(
        ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
        {
            yield break;
        }

        var names = new OurNames(model, declaration.SpanStart);
        var contracts = MediatRApi.DirectContracts(type).ToList();
        var renames = new Dictionary<int, string>();
        var attributes = new List<string>();
        foreach (var (contract, kind) in contracts)
        {
            var index = declaration.BaseList?.Types.IndexOf(t => SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(t.Type, cancellationToken).Type, contract)) ?? -1;
            if (index >= 0)
            {
                renames[index] = OurContractName(kind, contract.Name);
            }

            attributes.Add(kind switch
            {
                MediatRContract.PipelineBehavior => "Middleware",
                MediatRContract.PreProcessor or MediatRContract.PostProcessor or MediatRContract.ExceptionHandler or MediatRContract.ExceptionAction => ProcessorAttribute,
                _ => "Handler",
            });

            foreach (var method in ImplementingMethods(type, contract, kind, declaration, model, cancellationToken))
            {
                foreach (var edit in MethodPort.Plan(method, kind, contract, names, model, cancellationToken))
                {
                    yield return edit;
                }
            }
        }

        var toAdd = type.IsAbstract
            ? new List<string>()
            : attributes.Distinct().Where(a => !type.GetAttributes().Any(x => x.AttributeClass?.Name == a + "Attribute")).ToList();
        // MediatR's container package registers handlers transient, and apps register behaviours and processors so: a
        // class with constructor dependencies keeps that lifetime, so a scoped dependency (a DbContext) is never captured
        // by a singleton. One without dependencies has nothing to capture and takes our default, the singleton.
        var transient = type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length > 0);
        var order = contracts.Any(c => c.Contract == MediatRContract.PipelineBehavior) ? RegistrationOrder.OrderOf(type, model.Compilation, cancellationToken) : null;
        yield return (declaration, current => RewriteClass((ClassDeclarationSyntax)current, renames, toAdd, new Settings(transient, order), names), Stages.Classes);
    }

    /// <summary>Our contract's name for a MediatR contract: the same name, but for behaviours and the handler base classes.</summary>
    private static string OurContractName(MediatRContract kind, string name) => kind switch
    {
        MediatRContract.PipelineBehavior => "IRequestMiddleware",
        MediatRContract.SyncRequestHandlerBase or MediatRContract.SyncVoidRequestHandlerBase or MediatRContract.AsyncVoidRequestHandlerBase => "IRequestHandler",
        MediatRContract.SyncNotificationHandlerBase => "INotificationHandler",
        _ => name,
    };

    /// <summary>The methods of this declaration that implement the contract's methods, or override the base class's abstract Handle.</summary>
    private static IEnumerable<MethodDeclarationSyntax> ImplementingMethods(
        INamedTypeSymbol type, INamedTypeSymbol contract, MediatRContract kind, ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        var isBaseClass = contract.TypeKind == TypeKind.Class;
        foreach (var method in declaration.Members.OfType<MethodDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
            {
                continue;
            }

            var implements = isBaseClass
                ? symbol.IsOverride && symbol.OverriddenMethod is { IsAbstract: true } overridden && SymbolEqualityComparer.Default.Equals(overridden.ContainingType.OriginalDefinition, contract.OriginalDefinition)
                : new[] { contract }.Concat(contract.AllInterfaces).SelectMany(i => i.GetMembers().OfType<IMethodSymbol>())
                    .Any(m => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(m), symbol));
            if (implements && kind != MediatRContract.StreamHandler)
            {
                yield return method;
            }
        }
    }

    private static SyntaxNode RewriteClass(ClassDeclarationSyntax declaration, Dictionary<int, string> renames, List<string> attributes, Settings settings, OurNames names)
    {
        if (declaration.BaseList is { } baseList && renames.Count > 0)
        {
            var types = baseList.Types.Select((t, i) => renames.TryGetValue(i, out var name) ? t.WithType(names.Rename(t.Type, name)) : t);
            declaration = declaration.WithBaseList(baseList.WithTypes(SyntaxFactory.SeparatedList(types, baseList.Types.GetSeparators())));
        }

        foreach (var attribute in Enumerable.Reverse(attributes))
        {
            declaration = SyntaxEditing.WithAttributeOnTop(declaration, Attribute(names.Type(attribute), attribute == "Middleware" ? settings : settings with { Order = null }, names), SyntaxEditing.EndOfLine(declaration));
        }

        return declaration;
    }

    /// <summary><c>[Handler]</c>, or with <c>Order = n</c> and <c>Lifetime = ComponentLifetime.Transient</c> as <paramref name="settings"/> say.</summary>
    private static AttributeSyntax Attribute(NameSyntax name, Settings settings, OurNames names)
    {
        var arguments = new List<AttributeArgumentSyntax>();
        if (settings.Order is { } order)
        {
            arguments.Add(Named("Order", SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(order))));
        }

        if (settings.Transient)
        {
            arguments.Add(Named("Lifetime", SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, names.Type("ComponentLifetime"), SyntaxFactory.IdentifierName("Transient"))));
        }

        var attribute = SyntaxFactory.Attribute(name);
        return arguments.Count == 0
            ? attribute
            : attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments, arguments.Skip(1).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)))));
    }

    private static AttributeArgumentSyntax Named(string name, ExpressionSyntax value)
        => SyntaxFactory.AttributeArgument(value).WithNameEquals(SyntaxFactory.NameEquals(
            SyntaxFactory.IdentifierName(name).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space)));

    /// <summary>What the attribute says beyond its name: MediatR's lifetime, and a behaviour's registration order.</summary>
    private sealed record Settings(bool Transient, int? Order);

    private static int IndexOf<T>(this SeparatedSyntaxList<T> list, System.Func<T, bool> predicate)
        where T : SyntaxNode
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (predicate(list[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
