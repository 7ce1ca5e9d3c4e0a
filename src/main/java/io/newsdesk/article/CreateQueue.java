package io.newsdesk.article;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.newsdesk.auth.HeldClaims;
import io.newsdesk.body.BodyFields;
import io.newsdesk.body.BodyLine;
import io.newsdesk.system.Daemons;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Group commit for single creates. Every article write notifies the other instances (migration V4), and
 * PostgreSQL serialises the commits of transactions that notify: the notifying transaction holds a cluster-wide
 * lock from before its commit record is written until that record is on disk, so two such commits never share a
 * disk flush. So creates that arrive while others are being written wait in this queue, and one thread writes
 * each group of them in one transaction ({@link ArticleCommands#createQueued}): one flush and one notification for
 * the group, each article and its change-log row as its own create would write them, each request's
 * Idempotency-Key claim committed with its article. Each request waits for its own outcome and answers only after
 * the group has committed and the data version has moved. A create refused by its checks (an unknown slug) is
 * refused alone; if the group's transaction fails on a constraint, each create of it is tried again on its own,
 * so that no create fails because of another. A create alone waits for nobody: its group is itself.
 */
@ApplicationScoped
class CreateQueue {

    private static final Logger LOG = Logger.getLogger(CreateQueue.class);
    /** At most this many creates in one transaction. */
    static final int MAX_GROUP = 64;

    private record Pending(BodyLine line, Optional<HeldClaims.Held> claim, CompletableFuture<WrittenArticle> done) {}

    private final ArticleCommands commands;
    private final HeldClaims claims;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    CreateQueue(ArticleCommands commands, HeldClaims claims) {
        this.commands = commands;
        this.claims = claims;
    }

    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        running = true;
        thread = Daemons.start("newsdesk-create-queue", this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** Writes the article of {@code fields} with whatever other creates wait now; a 400 if its checks fail. */
    WrittenArticle create(BodyFields fields) {
        Pending pending = new Pending(new BodyLine(0, 1, fields, null), claims.current(), new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            write(List.of(pending)); // starting or stopping: on the request's own thread
        }
        try {
            return pending.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> group = new ArrayList<>();
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "the create queue failed");
            }
        }
    }

    private void write(List<Pending> group) {
        List<ArticleCommands.Imported> outcomes;
        try {
            outcomes = commands.createQueued(
                    group.stream().map(Pending::line).toList(),
                    group.stream().map(Pending::claim).toList());
        } catch (RuntimeException e) {
            if (group.size() > 1 && violatesConstraint(e)) {
                group.forEach(one -> write(List.of(one)));
            } else {
                group.forEach(one -> one.done().completeExceptionally(e));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            ArticleCommands.Imported outcome = outcomes.get(i);
            if (outcome.article() != null) {
                group.get(i).done().complete(outcome.article());
            } else {
                group.get(i).done().completeExceptionally(outcome.problem());
            }
        }
    }

    /** A failure of one row's data (SQLState class 23: a category deleted meanwhile, say), not of the database. */
    private static boolean violatesConstraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
