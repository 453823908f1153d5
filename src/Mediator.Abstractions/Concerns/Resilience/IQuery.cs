namespace Mediator.Resilience;

/// <summary>
/// A request that only reads: a query. Queries are idempotent, so the retry middleware may re-invoke them without
/// further opt-in. Implementing it is what makes a request a query; nothing is inferred from names or answer types.
/// </summary>
/// <typeparam name="TResponse">The type of the answer.</typeparam>
public interface IQuery<TResponse> : IRequest<TResponse>, IIdempotent
{
}
