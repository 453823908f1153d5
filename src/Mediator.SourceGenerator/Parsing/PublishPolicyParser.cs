using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads <c>[PublishStrategy]</c> and <c>[PublishFailures]</c> on a notification type or the assembly, and checks them:
/// a strategy class that cannot be one (MED0055), <c>[PublishFailures]</c> beside a strategy that throws nothing of its
/// own to the caller (MED0056), a value that is not one of the enum's (MED0057). A value that cannot be used is read as
/// absent, so the default applies and only the diagnostic speaks.
/// </summary>
internal static class PublishPolicyParser
{
    private const string StrategyContract = "IPublishStrategy";

    /// <summary>The strategy among <paramref name="attributes"/>, if one is there and usable.</summary>
    public static PublishStrategyChoice? ReadStrategy(IEnumerable<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (!KnownTypes.IsPublishStrategyAttribute(attribute.AttributeClass) || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var argument = attribute.ConstructorArguments[0];
            if (argument.Kind == TypedConstantKind.Type)
            {
                return argument.Value is INamedTypeSymbol type && WhyNotAStrategy(type) is null && TypeRefFactory.CodeText(type) is { } text
                    ? new PublishStrategyChoice(PublishStrategyKind.Custom, text, IsImplicit(type))
                    : null;
            }

            return argument.Value is int value && IsBuiltIn(value) ? new PublishStrategyChoice((PublishStrategyKind)value) : null;
        }

        return null;
    }

    /// <summary>The failure mode among <paramref name="attributes"/>, if one is there and defined.</summary>
    public static PublishFailureKind? ReadFailures(IEnumerable<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (KnownTypes.IsPublishFailuresAttribute(attribute.AttributeClass)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int value
                && value is (int)PublishFailureKind.Aggregate or (int)PublishFailureKind.Original)
            {
                return (PublishFailureKind)value;
            }
        }

        return null;
    }

    /// <summary>The diagnostics of the attributes on one target (a type, or the assembly).</summary>
    /// <param name="attributes">The target's attributes.</param>
    /// <param name="target">How the diagnostic names the target.</param>
    /// <param name="cancellationToken">Cancels the reading of syntax.</param>
    public static IEnumerable<DiagnosticInfo> Check(IEnumerable<AttributeData> attributes, string target, CancellationToken cancellationToken)
    {
        AttributeData? failures = null;
        var throwsNothingOfItsOwn = false;
        foreach (var attribute in attributes)
        {
            if (attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var argument = attribute.ConstructorArguments[0];
            if (KnownTypes.IsPublishStrategyAttribute(attribute.AttributeClass))
            {
                if (argument.Kind == TypedConstantKind.Type)
                {
                    throwsNothingOfItsOwn = true;
                    // typeof of something that does not resolve: the compiler reports it.
                    if (argument.Value is ITypeSymbol type && !BrokenTypes.Contains(type) && WhyNotAStrategy(type) is { } reason)
                    {
                        yield return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPublishStrategy, Location(attribute, cancellationToken), TypeRefFactory.Display(type), reason);
                    }
                }
                else if (argument.Value is int value)
                {
                    throwsNothingOfItsOwn = value == (int)PublishStrategyKind.FireAndForget;
                    if (!IsBuiltIn(value))
                    {
                        yield return DiagnosticInfo.Create(DiagnosticDescriptors.UndefinedPublishPolicy, Location(attribute, cancellationToken), value.ToString(System.Globalization.CultureInfo.InvariantCulture), "PublishStrategy", target);
                    }
                }
            }
            else if (KnownTypes.IsPublishFailuresAttribute(attribute.AttributeClass) && argument.Value is int value)
            {
                failures = attribute;
                if (value is not ((int)PublishFailureKind.Aggregate or (int)PublishFailureKind.Original))
                {
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.UndefinedPublishPolicy, Location(attribute, cancellationToken), value.ToString(System.Globalization.CultureInfo.InvariantCulture), "PublishFailures", target);
                }
            }
        }

        if (failures is not null && throwsNothingOfItsOwn)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.PublishFailuresWithoutEffect, Location(failures, cancellationToken), target);
        }
    }

    /// <summary>Null when <paramref name="type"/> can be a strategy; otherwise why not, for MED0055.</summary>
    public static string? WhyNotAStrategy(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class)
        {
            return "it is not a class";
        }

        if (named.IsStatic)
        {
            return "it is static";
        }

        if (named.IsAbstract)
        {
            return "it is abstract";
        }

        if (named.IsUnboundGenericType || named.TypeParameters.Length > 0)
        {
            return "it is generic: name a class with no type parameters";
        }

        if (!named.AllInterfaces.Any(i => KnownTypes.IsMediatorType(i, StrategyContract, 0)))
        {
            return "it does not implement Mediator.IPublishStrategy";
        }

        for (var current = named; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Microsoft.CodeAnalysis.Accessibility.Private or Microsoft.CodeAnalysis.Accessibility.Protected
                or Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal)
            {
                return "generated code cannot reach it: '" + current.Name + "' is private or protected; make it internal or public";
            }
        }

        return TypeRefFactory.CodeText(named) is null ? "generated code cannot name it" : null;
    }

    /// <summary>
    /// Whether the class implements <c>PublishAsync</c> with a public method of its own name, which generated code calls
    /// directly (a generic method called through an interface is a virtual generic call, resolved at run time).
    /// </summary>
    private static bool IsImplicit(INamedTypeSymbol type)
    {
        var contract = type.AllInterfaces.First(i => KnownTypes.IsMediatorType(i, StrategyContract, 0));
        return contract.GetMembers("PublishAsync").FirstOrDefault() is { } member
            && type.FindImplementationForInterfaceMember(member) is IMethodSymbol { DeclaredAccessibility: Microsoft.CodeAnalysis.Accessibility.Public, ExplicitInterfaceImplementations.Length: 0, Name: "PublishAsync" };
    }

    private static bool IsBuiltIn(int value)
        => value is (int)PublishStrategyKind.Sequential or (int)PublishStrategyKind.Concurrent
            or (int)PublishStrategyKind.FireAndForget or (int)PublishStrategyKind.StopOnFirstFailure;

    private static LocationInfo? Location(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax ? LocationInfo.From(syntax.GetLocation()) : null;
}
