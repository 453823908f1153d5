using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.CodeFixes.Migration;

/// <summary>
/// How the ported code names this library's types and the task types at one place of the file. Short names when they
/// will resolve after the port: ours, where the file imports MediatR (that using becomes <c>using Mediator;</c>) or
/// already imports ours; <c>ValueTask</c> and <c>CancellationToken</c> where their namespace is imported. Otherwise
/// the name is written in full with <c>global::</c>, which nothing in the user's project can shadow (a generated
/// <c>Mediator</c> class would, for <c>Mediator.X</c>).
/// </summary>
internal sealed class OurNames
{
    private readonly bool _oursResolve;
    private readonly bool _tasksResolve;
    private readonly bool _threadingResolves;

    public OurNames(SemanticModel model, int position)
    {
        _oursResolve = Binds(model, position, "IMediator") is { } mediator
            && mediator.ContainingNamespace is { Name: "MediatR" or "Mediator", ContainingNamespace.IsGlobalNamespace: true };
        _tasksResolve = Binds(model, position, "ValueTask") is { ContainingNamespace: { } tasks } && tasks.ToDisplayString() == "System.Threading.Tasks";
        _threadingResolves = Binds(model, position, "CancellationToken") is { ContainingNamespace: { } threading } && threading.ToDisplayString() == "System.Threading";
    }

    /// <summary>One of our types, by its name (no type arguments).</summary>
    public NameSyntax Type(string name) => _oursResolve ? SyntaxFactory.IdentifierName(name) : Global("Mediator", name);

    /// <summary><c>ValueTask</c>, or <c>ValueTask&lt;T&gt;</c> when <paramref name="result"/> is given.</summary>
    public TypeSyntax ValueTask(TypeSyntax? result)
    {
        SimpleNameSyntax name = result is null
            ? SyntaxFactory.IdentifierName("ValueTask")
            : SyntaxFactory.GenericName(SyntaxFactory.Identifier("ValueTask"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(result.WithoutTrivia())));
        return _tasksResolve ? name : SyntaxFactory.QualifiedName(Global("System", "Threading", "Tasks"), name);
    }

    public TypeSyntax CancellationToken() => _threadingResolves ? SyntaxFactory.IdentifierName("CancellationToken") : Global("System", "Threading", "CancellationToken");

    /// <summary>The MediatR type name in a base list or explicit interface specifier, renamed to ours (its type arguments kept).</summary>
    public TypeSyntax Rename(TypeSyntax type, string ourName) => type switch
    {
        GenericNameSyntax generic => RenameSimple(generic, ourName),
        IdentifierNameSyntax identifier => RenameSimple(identifier, ourName),
        QualifiedNameSyntax qualified => QualifiedOurs(qualified.Right, ourName).WithTriviaFrom(qualified),
        AliasQualifiedNameSyntax aliased => QualifiedOurs(aliased.Name, ourName).WithTriviaFrom(aliased),
        _ => type,
    };

    private TypeSyntax RenameSimple(SimpleNameSyntax name, string ourName)
    {
        var renamed = name.WithIdentifier(SyntaxFactory.Identifier(ourName).WithTriviaFrom(name.Identifier));
        return _oursResolve ? renamed : SyntaxFactory.QualifiedName(Global("Mediator"), renamed.WithoutTrivia()).WithTriviaFrom(name);
    }

    private static TypeSyntax QualifiedOurs(SimpleNameSyntax right, string ourName)
        => SyntaxFactory.QualifiedName(Global("Mediator"), right.WithIdentifier(SyntaxFactory.Identifier(ourName)).WithoutTrivia());

    private static INamedTypeSymbol? Binds(SemanticModel model, int position, string name)
        => model.GetSpeculativeTypeInfo(position, SyntaxFactory.ParseTypeName(name), SpeculativeBindingOption.BindAsTypeOrNamespace).Type as INamedTypeSymbol is { TypeKind: not TypeKind.Error } type ? type : null;

    private static NameSyntax Global(string first, params string[] rest)
    {
        NameSyntax name = SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName(first));
        foreach (var part in rest)
        {
            name = SyntaxFactory.QualifiedName(name, SyntaxFactory.IdentifierName(part));
        }

        return name;
    }
}
