import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { ReplyPayload } from '../replies/reply-payload.js';

/** Sends a reply only the person who triggered the interaction can see, whatever state it is in. */
export async function replyPrivately(interaction: RepliableInteraction, reply: ReplyPayload): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral === true) {
      await interaction.editReply(reply);
      return;
    }
    // A public "thinking…" cannot become private: remove it, then answer privately.
    await interaction.deleteReply();
    await interaction.followUp({ ...reply, flags: MessageFlags.Ephemeral });
  } else if (interaction.replied || interaction.deferred) {
    await interaction.followUp({ ...reply, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...reply, flags: MessageFlags.Ephemeral });
  }
}
