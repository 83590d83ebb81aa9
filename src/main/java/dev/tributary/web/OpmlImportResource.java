package dev.tributary.web;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.config.ImportedFeed;
import dev.tributary.config.SourcesYaml;
import dev.tributary.publish.OpmlReader;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Turns an uploaded OPML subscription list into feeds.yaml sources text for an admin to review
 * and paste; nothing is stored or fetched, and feeds.yaml stays the one place sources live.
 */
@Path("/api/opml/import")
public class OpmlImportResource {
  static final int MAX_BYTES = 2 * 1024 * 1024;

  @Inject FeedsRegistry registry;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response importOpml(byte[] body) {
    if (body == null || body.length == 0) {
      return Errors.badRequest("send an OPML file as the request body");
    }
    if (body.length > MAX_BYTES) {
      return Errors.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "an OPML file of at most " + MAX_BYTES + " bytes");
    }
    OpmlReader.Result result = OpmlReader.read(body);
    if (result instanceof OpmlReader.Result.NotOpml notOpml) {
      return Errors.badRequest(notOpml.reason());
    }
    OpmlReader.Result.Read read = (OpmlReader.Result.Read) result;
    List<ImportedFeed> feeds = read.feeds().stream().map(f -> new ImportedFeed(f.title(), f.xmlUrl(), f.folders())).toList();
    SourcesYaml.Result yaml = SourcesYaml.of(feeds, registry.config());
    String text = read.truncated()
        ? "# only the first " + OpmlReader.MAX_FEEDS + " feeds of the list were read\n" + yaml.yaml()
        : yaml.yaml();
    return Response.ok(text, "text/plain; charset=utf-8").build();
  }
}
