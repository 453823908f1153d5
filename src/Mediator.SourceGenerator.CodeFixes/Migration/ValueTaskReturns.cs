using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.CodeFixes.Migration;

/// <summary>
/// A method's return type becomes <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>, and its returns follow. In an async
/// method they stay (but <c>return Unit.Value;</c> in a void request handler, which becomes <c>return;</c>); otherwise
/// <c>Task.FromResult(x)</c> becomes <c>new ValueTask&lt;T&gt;(x)</c>, a completed task (<c>Task.CompletedTask</c>,
/// <c>Unit.Task</c>) becomes <c>default</c>, and any other task <c>t</c> becomes <c>new ValueTask&lt;T&gt;(t)</c>, which
/// wraps it without changing when it completes.
/// </summary>
internal static class ValueTaskReturns
{
    /// <summary>Marks an expression that already is a ValueTask of the right type (a rewritten <c>next()</c>).</summary>
    public static readonly SyntaxAnnotation ReturnsValueTask = new("MediatRPort.ReturnsValueTask");

    /// <summary>
    /// <c>Task</c> becomes <c>ValueTask</c>, <c>Task&lt;T&gt;</c> <c>ValueTask&lt;T&gt;</c>; with <paramref name="unitIsVoid"/>
    /// (MediatR's void request handler), <c>Task&lt;Unit&gt;</c> becomes <c>ValueTask</c>.
    /// </summary>
    public static MethodDeclarationSyntax FromTask(MethodDeclarationSyntax method, OurNames names, bool unitIsVoid)
    {
        var result = TaskResult(method.ReturnType);
        var dropsUnit = unitIsVoid && result is not null;
        if (dropsUnit)
        {
            result = null;
        }

        var isAsync = method.Modifiers.Any(SyntaxKind.AsyncKeyword);
        if (isAsync)
        {
            if (dropsUnit && method.Body is { } body)
            {
                method = method.ReplaceNodes(OwnReturns(method), (_, current) => current.WithExpression(null).WithReturnKeyword(current.ReturnKeyword.WithTrailingTrivia()));
                if (method.Body!.Statements.LastOrDefault() is ReturnStatementSyntax { Expression: null } last)
                {
                    method = method.WithBody(method.Body.WithStatements(method.Body.Statements.Remove(last)));
                }
            }
        }
        else
        {
            method = RewriteResults(method, e => FromTaskExpression(e, result, names));
        }

        return method.WithReturnType(names.ValueTask(result).WithTriviaFrom(method.ReturnType));
    }

    /// <summary>A synchronous <c>T Handle(...)</c> or <c>void Handle(...)</c> becomes a ValueTask method returning the same values.</summary>
    public static MethodDeclarationSyntax FromSynchronous(MethodDeclarationSyntax method, OurNames names, bool hasValue)
    {
        var result = hasValue ? method.ReturnType.WithoutTrivia() : null;
        if (hasValue)
        {
            method = RewriteResults(method, e => e is ThrowExpressionSyntax ? e : New(names.ValueTask(result), e));
        }
        else if (method.ExpressionBody is { Expression: not ThrowExpressionSyntax } arrow)
        {
            var statements = SyntaxFactory.List(new StatementSyntax[] { SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia()), ReturnDefault() });
            // The block starts on the next line: the space that stood before '=>' goes.
            var parameters = method.ParameterList;
            method = method.WithParameterList(parameters.WithCloseParenToken(parameters.CloseParenToken.WithTrailingTrivia()));
            method = method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(Block(method, statements));
        }
        else if (method.Body is { } body)
        {
            method = method.ReplaceNodes(OwnReturns(method), (_, current) => current.WithExpression(Default()).WithReturnKeyword(current.ReturnKeyword.WithTrailingTrivia(SyntaxFactory.Space)));
            if (method.Body!.Statements.LastOrDefault() is not (ReturnStatementSyntax or ThrowStatementSyntax))
            {
                var indentation = method.Body.Statements.LastOrDefault() is { } last ? SyntaxEditing.Indentation(last) : SyntaxFactory.TriviaList();
                method = method.WithBody(method.Body.AddStatements(ReturnDefault().WithLeadingTrivia(indentation).WithTrailingTrivia(SyntaxEditing.EndOfLine(method))));
            }
        }

        return method.WithReturnType(names.ValueTask(result).WithTriviaFrom(method.ReturnType));
    }

    /// <summary>The T of <c>Task&lt;T&gt;</c> (as written, qualified or not); null for <c>Task</c>.</summary>
    private static TypeSyntax? TaskResult(TypeSyntax returnType) => returnType switch
    {
        GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic => generic.TypeArgumentList.Arguments[0],
        QualifiedNameSyntax { Right: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic } => generic.TypeArgumentList.Arguments[0],
        _ => null,
    };

    private static ExpressionSyntax FromTaskExpression(ExpressionSyntax expression, TypeSyntax? result, OurNames names)
    {
        if (expression is ThrowExpressionSyntax || expression.HasAnnotation(ReturnsValueTask))
        {
            return expression;
        }

        if (IsCompletedTask(expression) || (result is null && FromResultArgument(expression) is { } unit && IsUnitValue(unit)))
        {
            return Default();
        }

        if (result is not null && FromResultArgument(expression) is { } value)
        {
            return New(names.ValueTask(result), value);
        }

        return New(names.ValueTask(result), expression);
    }

    /// <summary><c>Task.CompletedTask</c> or MediatR's <c>Unit.Task</c>.</summary>
    private static bool IsCompletedTask(ExpressionSyntax expression)
        => expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Expression: var owner }
            && ((name == "CompletedTask" && owner.ToString().EndsWith("Task", System.StringComparison.Ordinal))
                || (name == "Task" && owner.ToString().EndsWith("Unit", System.StringComparison.Ordinal)));

    private static bool IsUnitValue(ExpressionSyntax expression)
        => expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: var owner } && owner.ToString().EndsWith("Unit", System.StringComparison.Ordinal);

    /// <summary>x in <c>Task.FromResult(x)</c> or <c>Task.FromResult&lt;T&gt;(x)</c>.</summary>
    private static ExpressionSyntax? FromResultArgument(ExpressionSyntax expression)
        => expression is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromResult", Expression: var owner },
            ArgumentList.Arguments: { Count: 1 } arguments,
        } && owner.ToString().EndsWith("Task", System.StringComparison.Ordinal)
            ? arguments[0].Expression
            : null;

    private static MethodDeclarationSyntax RewriteResults(MethodDeclarationSyntax method, System.Func<ExpressionSyntax, ExpressionSyntax> rewrite)
    {
        if (method.ExpressionBody is { } arrow)
        {
            return method.WithExpressionBody(arrow.WithExpression(rewrite(arrow.Expression.WithoutTrivia()).WithTriviaFrom(arrow.Expression)));
        }

        return method.ReplaceNodes(
            OwnReturns(method).Where(r => r.Expression is not null),
            (_, current) => current.WithExpression(rewrite(current.Expression!.WithoutTrivia()).WithTriviaFrom(current.Expression!)));
    }

    /// <summary>The method's own returns, not those of lambdas and local functions inside it.</summary>
    private static IEnumerable<ReturnStatementSyntax> OwnReturns(MethodDeclarationSyntax method)
        => method.Body?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ReturnStatementSyntax>()
            ?? Enumerable.Empty<ReturnStatementSyntax>();

    private static ExpressionSyntax New(TypeSyntax type, ExpressionSyntax argument)
        => SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
            type,
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument.WithoutTrivia()))),
            null);

    private static LiteralExpressionSyntax Default() => SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression);

    private static ReturnStatementSyntax ReturnDefault()
        => SyntaxFactory.ReturnStatement(SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), Default(), SyntaxFactory.Token(SyntaxKind.SemicolonToken));

    /// <summary>A block for an expression-bodied method: braces on their own lines at the method's indentation.</summary>
    private static BlockSyntax Block(MethodDeclarationSyntax method, SyntaxList<StatementSyntax> statements)
    {
        var endOfLine = SyntaxEditing.EndOfLine(method);
        var indentation = SyntaxEditing.Indentation(method).Select(t => t.ToString()).FirstOrDefault() ?? string.Empty;
        var inner = SyntaxFactory.Whitespace(indentation + "    ");
        return SyntaxFactory.Block(
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(endOfLine, SyntaxFactory.Whitespace(indentation)).WithTrailingTrivia(endOfLine),
            SyntaxFactory.List(statements.Select(s => s.WithLeadingTrivia(inner).WithTrailingTrivia(endOfLine))),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
    }
}
