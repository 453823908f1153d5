using System.Reflection;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// <c>global using Mediator;</c> must not make a name the application already has ambiguous (CS0104): the root
/// namespace holds the mediator's contracts only, and each built-in concern's types live in a namespace of their own
/// (docs/namespaces.md). A web app imports ASP.NET Core's <c>[Authorize]</c>, FluentValidation's <c>IValidator&lt;T&gt;</c>
/// and has its own <c>IQuery&lt;T&gt;</c>; before the concern types moved out of the root, this program did not compile.
/// </summary>
public sealed class RootNamespaceClashTests
{
    /// <summary>
    /// Stand-ins for the packages' types, with their names and namespaces (the test project references neither
    /// ASP.NET Core nor FluentValidation). Ambiguity is decided by name and arity alone, so a stand-in clashes exactly
    /// where the real type would.
    /// </summary>
    private const string Packages = """
        namespace Microsoft.AspNetCore.Authorization
        {
            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
            public class AuthorizeAttribute : System.Attribute
            {
                public AuthorizeAttribute() { }
                public AuthorizeAttribute(string policy) => Policy = policy;
                public string? Policy { get; set; }
                public string? Roles { get; set; }
            }

            public class AuthorizationFailure { }
        }

        namespace Microsoft.AspNetCore.Http
        {
            public interface IMiddleware { }
        }

        namespace FluentValidation
        {
            public interface IValidator { }
            public interface IValidator<in T> : IValidator { }
            public abstract class AbstractValidator<T> : IValidator<T> { }
            public class ValidationException : System.Exception { }
        }
        """;

    /// <summary>The application's global usings: those of an ASP.NET Core project, FluentValidation's, its own, and ours.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using App.Common;
        global using FluentValidation;
        global using Mediator;
        global using Microsoft.AspNetCore.Authorization;
        global using Microsoft.AspNetCore.Http;
        """;

    /// <summary>The application's own building blocks, named as applications name them.</summary>
    private const string Common = """
        namespace App.Common
        {
            public interface IQuery<TResponse> : IRequest<TResponse> { }
            public interface ICacheKey { string CacheKey { get; } }
            public sealed record ValidationError(string Property, string Message);
            public class TransientException : Exception { }

            [AttributeUsage(AttributeTargets.Class)] public sealed class TransactionalAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Class)] public sealed class CacheAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Class)] public sealed class RetryAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Class)] public sealed class TimeoutAttribute : Attribute { }
        }
        """;

    /// <summary>Every clashing name used unqualified beside the mediator's contracts.</summary>
    private const string Orders = """
        namespace App.Orders
        {
            [Authorize(Policy = "clerk"), Transactional, Cache, Retry, Timeout]
            public sealed record GetOrder(int Id) : IQuery<string>, ICacheKey
            {
                public string CacheKey => "order:" + Id;
            }

            public sealed class GetOrderValidator : AbstractValidator<GetOrder> { }

            [Handler]
            public sealed class GetOrderHandler(IEnumerable<IValidator<GetOrder>> validators) : IRequestHandler<GetOrder, string>
            {
                public ValueTask<string> Handle(GetOrder request, CancellationToken cancellationToken)
                {
                    foreach (var validator in validators)
                    {
                        if (validator is null) throw new ValidationException();
                    }

                    var errors = new List<ValidationError>();
                    return errors.Count == 0 ? new("order " + request.Id) : throw new TransientException();
                }
            }

            [Middleware]
            public sealed class AuditMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }

            public sealed class RequestTimingMiddleware : IMiddleware { }

            public static class Denials
            {
                public static AuthorizationFailure? Last { get; set; }
            }
        }
        """;

    /// <summary>
    /// Names a .NET application already has in the namespaces it imports everywhere (ASP.NET Core, FluentValidation,
    /// EF Core, Polly, System.ComponentModel.DataAnnotations, System.Reactive) or commonly declares itself; none may be a
    /// type of the root namespace <c>Mediator</c>. The mediator's own contract names (<c>IRequest</c>, <c>Unit</c> ...)
    /// are deliberately not here: they are the vocabulary the root namespace exists for.
    /// </summary>
    private static readonly string[] NamesAppsAlreadyHave =
    {
        "AuthorizeAttribute", "AuthorizationFailure", "AuthorizationPolicy", "IAuthorizationPolicy", "AuthorizationException",
        "IValidator`1", "IValidator", "ValidationError", "ValidationErrors", "ValidationException", "ValidationResult", "ValidationFailure",
        "IQuery`1", "IQuery", "ICommand", "ICommand`1", "ICacheKey", "CacheAttribute", "IIdempotent",
        "TimeoutAttribute", "RetryAttribute", "CircuitBreakerAttribute", "BulkheadAttribute", "TransientException",
        "CircuitState", "BrokenCircuitException", "BulkheadRejectedException", "TimeoutRejectedException",
        "TransactionalAttribute", "ITransaction", "ITransactionManager", "IUnitOfWork",
        "LoggingOptions", "RetryOptions", "RateLimitOptions", "CachingOptions",
    };

    [Fact]
    public void A_program_with_global_using_Mediator_and_the_names_it_already_has_compiles_without_ambiguity()
    {
        var run = GeneratorRun.For(GlobalUsings, Packages, Common, Orders);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(run.CompilationErrors, d => d.Id == "CS0104");
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.Text.Contains("global::App.Orders.AuditMiddleware<", StringComparison.Ordinal));
    }

    [Fact]
    public void The_root_namespace_declares_none_of_the_names_applications_already_have()
    {
        var rootTypes = new[] { typeof(IMediator).Assembly, typeof(Publishing.PublishRuntime).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type.Namespace == "Mediator" && !type.IsNested)
            .Select(type => type.Name)
            .ToList();

        Assert.Contains("IRequest`1", rootTypes);
        Assert.Empty(rootTypes.Intersect(NamesAppsAlreadyHave, StringComparer.Ordinal));
    }

    [Fact]
    public void Each_built_in_concern_keeps_its_types_in_a_namespace_of_its_own()
    {
        var concernNamespaces = new[]
        {
            "Mediator.Authorization", "Mediator.Caching", "Mediator.Logging", "Mediator.Metrics", "Mediator.RateLimiting",
            "Mediator.Resilience", "Mediator.Transactions", "Mediator.Validation",
        };
        var exported = new[] { typeof(IMediator).Assembly, typeof(Publishing.PublishRuntime).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => !type.IsNested)
            .ToList();

        Assert.Equal(concernNamespaces, exported.Select(type => type.Namespace!).Where(ns => ns.StartsWith("Mediator.", StringComparison.Ordinal)
            && ns is not ("Mediator.BuiltIns" or "Mediator.Internal" or "Mediator.Publishing")).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("Mediator.Authorization", typeof(Authorization.AuthorizeAttribute).Namespace);
        Assert.Equal("Mediator.Validation", typeof(Validation.IValidator<>).Namespace);
        Assert.Equal("Mediator.Resilience", typeof(Resilience.IQuery<>).Namespace);
        Assert.Equal("Mediator.Caching", typeof(Caching.ICacheKey).Namespace);
        Assert.Equal("Mediator.Transactions", typeof(Transactions.TransactionalAttribute).Namespace);
    }
}
