using System;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using Mediator.BuiltIns;
using Mediator.Shared;
using Mediator.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mediator.EntityFrameworkCore;

/// <summary>
/// Runs the handler of a message carrying <see cref="TransactionalAttribute"/> in a transaction of the scope's
/// <see cref="DbContext"/> (<see cref="TransactionDbContext"/>, the same instance the handler saves through): begun with
/// <c>Database.BeginTransactionAsync</c> inside the context's execution strategy, committed when the handler returns,
/// rolled back when it throws (cancellation included). A retrying strategy (SQL Server's, Npgsql's,
/// <c>EnableRetryOnFailure</c>) re-runs the whole unit: a new transaction, the handler again, the commit. A dispatch made
/// while the context already has a transaction (a send from inside a transactional handler, or one the app began)
/// joins it; whoever began it commits or rolls back.
/// </summary>
/// <remarks>
/// Scoped, like the context it uses: a singleton would hold one context for the whole app, not the one the handler
/// saves through. It provides <see cref="Concerns.Transaction"/> and holds the same ordering rules as the built-in
/// <see cref="TransactionMiddleware{TMessage, TResult}"/> (innermost among the built-ins; retry outside it).
/// </remarks>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Transaction, Concern = Concerns.Transaction, Lifetime = ComponentLifetime.Scoped)]
[MustRunInside(Concerns.Logging, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.Validation, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.Authorization, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.Metrics, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.RateLimit, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.Bulkhead, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.Caching, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.Retry, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.Timeout, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
[MustRunInside(Concerns.CircuitBreaker, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.TransactionInnermost, Reason = BuiltInRules.TransactionInnermostReason)]
public sealed class EfCoreTransactionMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>
{
    private readonly TransactionalAttribute _settings;
    private readonly DbContext _context;

    /// <summary>Creates the middleware for one message type in one scope.</summary>
    /// <param name="settings">The message's <see cref="TransactionalAttribute"/> (its isolation level).</param>
    /// <param name="context">The scope's context, registered by <c>AddMediatorEfCoreTransactions&lt;TContext&gt;()</c>.</param>
    public EfCoreTransactionMiddleware(TransactionalAttribute settings, TransactionDbContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        _settings = settings;
        _context = context.Context;
    }

    /// <inheritdoc />
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        if (_context.Database.CurrentTransaction is not null)
        {
            return await next.InvokeAsync(message, context).ConfigureAwait(false);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        var strategy = _context.Database.CreateExecutionStrategy();
        var unit = new UnitOfWork<TNext>(this, message, next, context);
        return await strategy.ExecuteAsync(
                unit,
                static (_, unit, cancellationToken) => unit.RunAsync(cancellationToken),
                verifySucceeded: null,
                context.CancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<TResult> RunOnceAsync<TNext>(TMessage message, TNext next, MessageContext context, CancellationToken cancellationToken)
        where TNext : struct, INext<TMessage, TResult>
    {
        var transaction = await BeginAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            TResult result;
            try
            {
                result = await next.InvokeAsync(message, context).ConfigureAwait(false);
            }
            catch
            {
                await RollBackAsync(transaction).ConfigureAwait(false);
                throw;
            }

            // A failed commit is retried by a retrying strategy like any other transient failure: the whole unit runs again.
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    private Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
        => _settings.IsolationLevel == IsolationLevel.Unspecified
            ? _context.Database.BeginTransactionAsync(cancellationToken)
            : _context.Database.BeginTransactionAsync(_settings.IsolationLevel, cancellationToken);

    private async Task RollBackAsync(IDbContextTransaction transaction)
    {
        // Not the caller's token: a cancelled send must still roll back.
        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);

        // The tracked entities describe writes the database no longer has (keys it handed out, states it saved); an
        // attempt the execution strategy runs next, or the caller, would otherwise act on them.
        _context.ChangeTracker.Clear();
    }

    // The state of one execution: the strategy calls RunAsync once per attempt, with no closure allocated per call site.
    private sealed class UnitOfWork<TNext>
        where TNext : struct, INext<TMessage, TResult>
    {
        private readonly EfCoreTransactionMiddleware<TMessage, TResult> _middleware;
        private readonly TMessage _message;
        private readonly TNext _next;
        private readonly MessageContext _context;

        public UnitOfWork(EfCoreTransactionMiddleware<TMessage, TResult> middleware, TMessage message, TNext next, MessageContext context)
        {
            _middleware = middleware;
            _message = message;
            _next = next;
            _context = context;
        }

        public Task<TResult> RunAsync(CancellationToken cancellationToken)
            => _middleware.RunOnceAsync(_message, _next, _context, cancellationToken);
    }
}
