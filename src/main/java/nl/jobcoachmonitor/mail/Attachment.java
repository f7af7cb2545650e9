package nl.jobcoachmonitor.mail;

/** A file sent with a mail (the accountability report's PDF). Only sent, never stored with the mail's record. */
public record Attachment(String fileName, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "attachment " + fileName + " (" + content.length + " bytes)";
    }
}
