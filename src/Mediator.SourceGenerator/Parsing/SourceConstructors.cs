using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Answers "does this class have a public parameterless constructor?" from its declarations, for classes and record
/// classes declared in source. Asking the symbol (<c>InstanceConstructors</c>) makes Roslyn build every member of the
/// type, and for a record all its synthesized members with their signatures; for a thousand records that is most of
/// what a first run would otherwise cost in binding. The syntax is enough: C# gives a class a public parameterless
/// constructor exactly when it declares one, or declares no instance constructor and no primary constructor with
/// parameters (the implicit one is public for a class that is not abstract).
/// </summary>
internal static class SourceConstructors
{
    /// <summary>The answer from syntax, or null when the type is not a non-static class or record class from source.</summary>
    public static bool? HasPublicParameterless(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var declaresConstructor = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not (ClassDeclarationSyntax or RecordDeclarationSyntax) || reference.GetSyntax() is not TypeDeclarationSyntax declaration)
            {
                return null;
            }

            if (declaration.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                return null;
            }

            if (declaration.ParameterList is { } primary)
            {
                // A primary constructor is public; with parameters it replaces the implicit parameterless one.
                if (primary.Parameters.Count == 0)
                {
                    return true;
                }

                declaresConstructor = true;
            }

            foreach (var member in declaration.Members)
            {
                if (member is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    if (constructor.ParameterList.Parameters.Count == 0 && constructor.Modifiers.Any(SyntaxKind.PublicKeyword))
                    {
                        return true;
                    }

                    declaresConstructor = true;
                }
            }
        }

        return !declaresConstructor;
    }
}
