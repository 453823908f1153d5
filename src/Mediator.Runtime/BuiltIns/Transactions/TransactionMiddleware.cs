using System;
using System.Threading;
using System.Threading.Tasks;
using Mediator.BuiltIns;
using Mediator.Shared;

namespace Mediator.Transactions;

/// <summary>
/// Runs the handler of a message carrying <see cref="TransactionalAttribute"/> in a unit of work from
/// <see cref="ITransactionManager"/>: commit when it returns, roll back when it throws (cancellation included),
/// dispose in every case. The handler reaches the transaction through <see cref="ITransactionContext"/>. A send made
/// from inside a transactional handler joins the transaction in progress rather than beginning a second one; the
/// outermost send commits or rolls back.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Transaction, Concern = Concerns.Transaction)]
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
public sealed class TransactionMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>
{
    private readonly TransactionalAttribute _settings;
    private readonly ITransactionManager _manager;
    private readonly AmbientTransactionContext _context;

    /// <summary>Creates the middleware for one message type.</summary>
    /// <param name="settings">The message's <see cref="TransactionalAttribute"/>.</param>
    /// <param name="manager">Begins the units of work.</param>
    /// <param name="context">Where the handler finds the current transaction.</param>
    public TransactionMiddleware(TransactionalAttribute settings, ITransactionManager manager, AmbientTransactionContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _manager = manager;
        _context = context;
    }

    /// <inheritdoc />
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        if (_context.Current is not null)
        {
            return await next.InvokeAsync(message, context).ConfigureAwait(false);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        var transaction = await _manager.BeginAsync(_settings, context.CancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            _context.Set(transaction);
            try
            {
                var result = await next.InvokeAsync(message, context).ConfigureAwait(false);
                await transaction.CommitAsync(context.CancellationToken).ConfigureAwait(false);
                return result;
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            finally
            {
                _context.Set(null);
            }
        }
    }
}
