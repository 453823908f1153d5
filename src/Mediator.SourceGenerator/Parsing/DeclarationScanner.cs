using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// One pass over the declarations of a file (<see cref="ScanFile"/>; <see cref="Scan"/> does every file of a compilation):
/// <c>[Handler]</c>, <c>[Middleware]</c> and <c>[MiddlewareGroup]</c> types and concrete message types. It walks namespaces and types only, never a member's body, and asks for a
/// symbol only where a type has attributes or a base list.
/// </summary>
/// <remarks>
/// It runs only when <see cref="DeclarationEquivalence"/> sees a change of declarations, and then only for the files
/// <see cref="DeclarationFiles"/> says may read it; an edit inside a method leaves every result cached. Attributes are matched by their class (namespace <c>Mediator</c>, name and arity), like
/// <c>ForAttributeWithMetadataName</c>, and only those applied on the declaration being visited count, so that each
/// part of a partial class is seen with its own attributes.
/// </remarks>
internal static class DeclarationScanner
{
    /// <summary>Every file of the compilation scanned, in order: what the generator's per-file steps add up to.</summary>
    public static Discoveries Scan(Compilation compilation, CancellationToken cancellationToken)
        => Merge(DeclarationFiles.Split(compilation, cancellationToken).Select(file => ScanFile(file, cancellationToken)).ToImmutableArray());

    /// <summary>
    /// The declarations of one file (<see cref="DeclarationFile"/>). Types other files declare are read as symbols when
    /// this file's declarations name them; <see cref="DeclarationFiles"/> decides when the result can be reused.
    /// </summary>
    public static Discoveries ScanFile(DeclarationFile file, CancellationToken cancellationToken)
    {
        var compilation = file.Compilation;
        using var cache = SymbolCache.Use(SymbolCache.For(compilation));
        var found = new Collector(compilation, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (file.Tree.GetRoot(cancellationToken) is CompilationUnitSyntax root)
        {
            found.Tree = file.Tree;
            found.Model = null;
            found.VisitMembers(root.Members);
        }

        return new Discoveries(
            found.Handlers.ToEquatableArray(),
            found.Middlewares.ToEquatableArray(),
            found.Messages.ToEquatableArray(),
            found.TypeDiagnostics.ToEquatableArray(),
            found.HasCompileErrors || found.Handlers.Any(h => h.HasCompileErrors) || found.Middlewares.Any(m => m.HasCompileErrors));
    }

    /// <summary>The files' discoveries as one, in the order of the files (the order of the compilation's trees).</summary>
    public static Discoveries Merge(ImmutableArray<Discoveries> files)
    {
        if (files.Length == 1)
        {
            return files[0];
        }

        return new Discoveries(
            files.SelectMany(f => f.Handlers).ToEquatableArray(),
            files.SelectMany(f => f.Middlewares).ToEquatableArray(),
            files.SelectMany(f => f.Messages).ToEquatableArray(),
            files.SelectMany(f => f.TypeDiagnostics).ToEquatableArray(),
            files.Any(f => f.HasCompileErrors));
    }

    private sealed class Collector(Compilation compilation, CancellationToken cancellationToken)
    {
        public SyntaxTree Tree { get; set; } = null!;

        public SemanticModel? Model { get; set; }

        public List<HandlerDiscovery> Handlers { get; } = new();

        public List<MiddlewareDiscovery> Middlewares { get; } = new();

        public List<MessageDeclaration> Messages { get; } = new();

        public List<DiagnosticInfo> TypeDiagnostics { get; } = new();

        /// <summary>A declaration visited names a type the compiler rejects, or has no name (<see cref="BrokenTypes"/>).</summary>
        public bool HasCompileErrors { get; private set; }

        public void VisitMembers(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        VisitMembers(ns.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        Visit(type);
                        VisitMembers(type.Members);
                        break;
                }
            }
        }

        private void Visit(TypeDeclarationSyntax node)
        {
            var isMessageCandidate = MessageDeclarationParser.IsCandidate(node);
            if (node.AttributeLists.Count == 0 && !isMessageCandidate)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            Model ??= compilation.GetSemanticModel(Tree);
            if (Model.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol symbol)
            {
                return;
            }

            if (SyntaxErrors.HasConflictingModifiers(node))
            {
                HasCompileErrors = true;
            }

            if (BrokenTypes.InDeclarationOf(symbol, compilation))
            {
                HasCompileErrors = true;
                if (BrokenTypes.IsNameless(symbol))
                {
                    // A syntax error took its name (or its namespace's): generated code could only write 'global::.Ping'.
                    return;
                }
            }

            if (node.AttributeLists.Count > 0)
            {
                VisitAttributes(node, symbol);
            }

            if (isMessageCandidate && MessageDeclarationParser.Parse(node, symbol, compilation, TypeDiagnostics) is { } message)
            {
                Messages.Add(message);
            }
        }

        private void VisitAttributes(TypeDeclarationSyntax node, INamedTypeSymbol symbol)
        {
            ImmutableArray<AttributeData>.Builder? handler = null;
            ImmutableArray<AttributeData>.Builder? middleware = null;
            var isGroup = false;
            var usesMiddleware = false;
            List<AttributeData>? publishPolicy = null;
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is not { } attributeClass
                    || attribute.ApplicationSyntaxReference is not { } application
                    || application.SyntaxTree != Tree
                    || !node.Span.Contains(application.Span))
                {
                    continue;
                }

                if (KnownTypes.IsMediatorType(attributeClass, "HandlerAttribute", 0))
                {
                    (handler ??= ImmutableArray.CreateBuilder<AttributeData>()).Add(attribute);
                }
                else if (KnownTypes.IsMiddlewareAttribute(attributeClass))
                {
                    (middleware ??= ImmutableArray.CreateBuilder<AttributeData>()).Add(attribute);
                }
                else if (KnownTypes.IsMiddlewareGroupAttribute(attributeClass))
                {
                    isGroup = true;
                }
                else if (KnownTypes.IsUseMiddlewareAttribute(attributeClass))
                {
                    usesMiddleware = true;
                }
                else if (KnownTypes.IsPublishStrategyAttribute(attributeClass) || KnownTypes.IsPublishFailuresAttribute(attributeClass))
                {
                    (publishPolicy ??= new List<AttributeData>()).Add(attribute);
                }
            }

            // Records too, but not record structs: [Handler] and [Middleware] are valid on classes only (CS0592 elsewhere),
            // and a struct registered as a service or held in a pipeline field would not compile.
            var isClass = symbol.TypeKind == TypeKind.Class;
            if ((handler is not null || middleware is not null) && !isClass)
            {
                HasCompileErrors = true; // CS0592: the attribute is valid on classes only, and the compiler says so here.
            }

            if (handler is not null && isClass)
            {
                Handlers.Add(HandlerParser.Parse(symbol, handler.ToImmutable(), compilation, cancellationToken));
            }

            if (middleware is not null && isClass)
            {
                Middlewares.Add(MiddlewareParser.Parse(symbol, middleware.ToImmutable(), compilation, cancellationToken));
            }

            // A [Handler]'s [UseMiddleware] is read with the handler; on any other class it is a mistake (MED0026).
            if (usesMiddleware && handler is null && isClass)
            {
                TypeDiagnostics.AddRange(HandlerMiddlewareParser.ParseMisplaced(symbol));
            }

            if (publishPolicy is not null)
            {
                // The attributes of this declaration only: a partial type's other parts report theirs.
                TypeDiagnostics.AddRange(PublishPolicyParser.Check(publishPolicy, TypeRefFactory.Display(symbol), cancellationToken));
            }

            if (isGroup)
            {
                TypeDiagnostics.AddRange(GroupDeclarationParser.Parse(symbol));
            }
        }
    }
}
